/** Cards have one width so columns line up and auto-layout can predict them before measuring. */
export const NODE_WIDTH = 240;
