export { isOpen } from './isOpen';
export { localTime, type LocalTime } from './localTime';
