/**
 * The widget lays itself out as a floating window over a customer's page; inside the editor it
 * fills its panel instead. Only layout is overridden: bubbles, buttons and fields keep WIDGET_CSS.
 */
export const PREVIEW_LAYOUT_CSS = `
.sb-root.sb-preview{position:static;display:flex;flex-direction:column;align-items:stretch;height:100%;gap:0}
.sb-preview .sb-window{width:100%;height:100%;border-radius:0;border:0;box-shadow:none}
.sb-preview .sb-header{padding:10px 12px}
`;
