// Lives inside the shadow root: the host page's CSS cannot reach in, and none of this leaks out.
// `all: initial` on :host stops inherited properties (font, colour, line height) from leaking in.
export const WIDGET_CSS = `
:host{all:initial}
.sb-root{--sb-bg:#fff;--sb-fg:#1f2937;--sb-muted:#6b7280;--sb-line:#e5e7eb;--sb-in:#f3f4f6;
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--sb-fg);text-align:left;letter-spacing:normal;
text-transform:none;font-style:normal;font-weight:400;-webkit-font-smoothing:antialiased}
*,*::before,*::after{box-sizing:border-box}
button,input{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--sb-primary);outline-offset:2px}
.sb-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sb-root{position:fixed;bottom:20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.sb-root.sb-right{right:20px}.sb-root.sb-left{left:20px;align-items:flex-start}
.sb-launcher{width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;background:var(--sb-primary);color:var(--sb-on-primary);
box-shadow:0 6px 20px rgba(0,0,0,.22);display:grid;place-items:center;transition:transform .15s}
.sb-launcher:hover{transform:scale(1.06)}
.sb-launcher svg{width:28px;height:28px}
.sb-teaser{max-width:260px;background:var(--sb-bg);border:1px solid var(--sb-line);border-radius:14px;padding:10px 34px 10px 14px;position:relative;
box-shadow:0 6px 20px rgba(0,0,0,.12);cursor:pointer;text-align:left}
.sb-teaser-close{position:absolute;top:4px;right:4px;border:0;background:none;cursor:pointer;color:var(--sb-muted);width:26px;height:26px;border-radius:50%}
.sb-window{width:380px;height:min(640px,calc(100vh - 110px));background:var(--sb-bg);border-radius:16px;overflow:hidden;display:flex;flex-direction:column;
box-shadow:0 12px 40px rgba(0,0,0,.25);border:1px solid var(--sb-line)}
.sb-window[hidden]{display:none}
.sb-header{background:var(--sb-primary);color:var(--sb-on-primary);padding:12px 14px;display:flex;align-items:center;gap:10px;flex:none}
.sb-avatar{width:36px;height:36px;border-radius:50%;object-fit:cover;background:rgba(255,255,255,.25);flex:none}
.sb-heading{flex:1;min-width:0}
.sb-title{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sb-subtitle{margin:0;font-size:13px;opacity:.9}
.sb-subtitle:empty{display:none}
.sb-close{border:0;background:transparent;color:inherit;cursor:pointer;width:36px;height:36px;border-radius:50%;font-size:22px;line-height:1}
.sb-close:hover{background:rgba(255,255,255,.18)}
.sb-close:focus-visible{outline-color:var(--sb-on-primary)}
.sb-banner{padding:8px 14px;font-size:13px;background:#fef3c7;color:#78350f;border-bottom:1px solid #fde68a;flex:none}
.sb-banner.sb-error{background:#fee2e2;color:#7f1d1d;border-color:#fecaca}
.sb-banner[hidden]{display:none}
.sb-notice{padding:8px 14px;font-size:12px;line-height:1.4;color:var(--sb-muted);border-bottom:1px solid var(--sb-line);flex:none}
.sb-notice p{margin:0}
.sb-notice a{color:var(--sb-fg);text-decoration:underline}
.sb-notice[hidden]{display:none}
.sb-log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.sb-msg{display:flex;flex-direction:column;max-width:85%}
.sb-msg-in{align-self:flex-start}.sb-msg-out{align-self:flex-end;align-items:flex-end}
.sb-msg-center{align-self:center;max-width:95%}
.sb-sender{font-size:12px;color:var(--sb-muted);margin:0 4px 2px}
.sb-msg-bot .sb-sender,.sb-msg-customer .sb-sender{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.sb-bubble{padding:8px 12px;border-radius:16px;background:var(--sb-in);overflow-wrap:anywhere;white-space:pre-wrap}
.sb-msg-in .sb-bubble{border-bottom-left-radius:4px}
.sb-msg-out .sb-bubble{background:var(--sb-primary);color:var(--sb-on-primary);border-bottom-right-radius:4px}
.sb-msg-agent .sb-bubble{background:#ecfdf5;border:1px solid #a7f3d0}
.sb-msg-center .sb-bubble{background:transparent;color:var(--sb-muted);font-size:13px;padding:2px 8px;text-align:center}
.sb-pending{opacity:.65}
.sb-draft .sb-bubble::after{content:"▍";margin-left:1px;animation:sb-caret 1s steps(1) infinite}
@keyframes sb-caret{50%{opacity:0}}
@media (prefers-reduced-motion:reduce){.sb-draft .sb-bubble::after{animation:none}}
.sb-text{margin:0}
.sb-image{display:block;max-width:100%;max-height:260px;border-radius:10px}
.sb-msg-image .sb-bubble,.sb-msg[data-kind=image] .sb-bubble{padding:4px}
.sb-links{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:4px}
.sb-links:first-child{margin-top:0}
.sb-link a{color:var(--sb-primary);font-weight:600;text-decoration:underline}
.sb-typing .sb-bubble{display:inline-block;padding:10px 12px}
.sb-typing{align-self:flex-start}
.sb-dots{display:inline-flex;gap:4px}
.sb-dots i{width:7px;height:7px;border-radius:50%;background:var(--sb-muted);animation:sb-blink 1.2s infinite both}
.sb-dots i:nth-child(2){animation-delay:.2s}.sb-dots i:nth-child(3){animation-delay:.4s}
@keyframes sb-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.sb-dots i{animation:none;opacity:.6}.sb-launcher{transition:none}}
.sb-composer{border-top:1px solid var(--sb-line);padding:10px;flex:none;display:flex;flex-direction:column;gap:8px;background:var(--sb-bg)}
.sb-composer:empty{display:none}
.sb-input{display:flex;flex-direction:column;gap:8px}
.sb-input:empty{display:none}
.sb-choices{display:flex;flex-wrap:wrap;gap:6px}
.sb-choice{border:1.5px solid var(--sb-primary);color:var(--sb-primary);background:var(--sb-bg);border-radius:999px;padding:6px 14px;cursor:pointer;font-weight:500}
.sb-choice:hover:not(:disabled){background:var(--sb-primary);color:var(--sb-on-primary)}
.sb-form{display:flex;gap:8px}
.sb-field{flex:1;min-width:0;border:1px solid #d1d5db;border-radius:999px;padding:9px 14px;background:#fff}
.sb-field:focus-visible{outline:2px solid var(--sb-primary);outline-offset:0;border-color:var(--sb-primary)}
.sb-send{width:40px;height:40px;border-radius:50%;border:0;background:var(--sb-primary);color:var(--sb-on-primary);cursor:pointer;flex:none}
button:disabled{opacity:.5;cursor:default}
.sb-rating{display:flex;gap:4px;justify-content:center}
.sb-star{border:0;background:none;font-size:30px;line-height:1;color:#d1d5db;cursor:pointer;padding:2px 4px;border-radius:6px}
.sb-rating:hover .sb-star{color:#f59e0b}.sb-star:hover~.sb-star{color:#d1d5db}
.sb-ended{margin:0;text-align:center;color:var(--sb-muted);font-size:13px}
.sb-restart{border:0;border-radius:999px;padding:9px 16px;background:var(--sb-primary);color:var(--sb-on-primary);cursor:pointer;font-weight:600}
.sb-root.sb-page{inset:0;align-items:center;background:#f3f4f6}
.sb-page .sb-window{width:100%;max-width:760px;height:100%;border-radius:0;border-width:0 1px;box-shadow:none}
@media (max-width:480px){
.sb-root.sb-open{inset:0;bottom:0}
.sb-root.sb-open .sb-window{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}
.sb-root.sb-open .sb-launcher,.sb-root.sb-open .sb-teaser{display:none}
.sb-field{font-size:16px}
}
`;
