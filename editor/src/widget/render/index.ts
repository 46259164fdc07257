// What the editor preview (issue 5) mounts: the same DOM the widget shows customers.
export { renderMessage, type MessageRenderOptions } from './renderMessage';
export { renderInput, type InputHandlers, type InputRenderOptions } from './renderInput';
export { renderRating } from './renderRating';
export { renderTyping } from './renderTyping';
export { labelsFor, type Labels } from './labels';
export { safeImageUrl, safeLinkUrl } from './safeUrl';
export { WIDGET_CSS } from '../view/styles';
