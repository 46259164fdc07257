/** A private type so the canvas accepts only palette drags, never dropped files or text. */
export const NODE_KIND_MIME = 'application/x-switchboard-node-kind';
