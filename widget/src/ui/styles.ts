// Core stylesheet, injected into the shadow root only. `all: initial` plus `!important`
// on :host matter: for important declarations the shadow tree wins over the host page,
// so even `* { color: red !important }` cannot reach the host element or inherit inside.
export const coreCss = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;color:#1b1f24!important;
--ze-brand:#1f5fbf;--ze-brand-text:#fff;--ze-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
--ze-text:#1b1f24;--ze-muted:#555d66;--ze-border:#c9ced6;--ze-bg:#fff;--ze-soft:#f2f5f9;--ze-danger:#b3261e}
.root{font:14px/1.45 var(--ze-font);color:var(--ze-text);text-align:left;direction:ltr;letter-spacing:normal}
.root *,.root *::before,.root *::after{box-sizing:border-box}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--ze-brand);outline-offset:2px}
[tabindex="-1"]:focus{outline:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;
background:var(--ze-brand);color:var(--ze-brand-text);font-size:26px;font-weight:700;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.badge{display:inline-block;min-width:20px;padding:0 6px;border-radius:10px;background:var(--ze-danger);color:#fff;
font-size:12px;font-weight:700;line-height:20px;text-align:center}
.launcher .badge{position:absolute;top:-4px;right:-4px}
.panel{position:fixed;right:20px;bottom:88px;z-index:2147483001;width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - 110px));
display:flex;flex-direction:column;background:var(--ze-bg);border:1px solid var(--ze-border);border-radius:12px;
box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden}
.nol{bottom:20px;height:min(640px,calc(100vh - 40px))}
@media (max-width:480px),(max-height:480px){.panel:not(.inline){left:0;top:0;width:100vw;height:100vh;height:100dvh;border:0;border-radius:0}}
.inline{position:static;width:100%;height:auto;min-height:420px;box-shadow:none;border-radius:8px}
.head{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--ze-brand);color:var(--ze-brand-text)}
.head h2{flex:1;margin:0;font-size:17px;font-weight:700}
.head button{background:transparent;border:0;color:inherit;font-size:18px;padding:4px 8px;border-radius:6px}
.head :focus-visible{outline-color:#fff}
.body{flex:1;overflow:auto;overflow-x:hidden;padding:14px;overflow-wrap:anywhere}
.body *{max-width:100%}
.hs{width:100%;margin:0 0 12px;padding:9px 12px;border:1px solid var(--ze-border);border-radius:8px;background:#fff}
.tiles{display:grid;gap:10px;margin:0;padding:0;list-style:none}
.tile{display:block;width:100%;padding:12px 14px;border:1px solid var(--ze-border);border-radius:10px;background:var(--ze-bg);text-align:left}
.tile:hover:not(:disabled){border-color:var(--ze-brand)}
.tile:disabled{cursor:not-allowed;background:var(--ze-soft);color:var(--ze-muted)}
.tile b{display:flex;justify-content:space-between;font-size:15px}
.tile span{display:block;color:var(--ze-muted);font-size:13px}
.tile .badge{color:#fff;font-size:12px}
.note{margin:6px 0 0;padding:8px 10px;border-radius:8px;background:var(--ze-soft);color:var(--ze-text);font-size:13px}
.err{color:var(--ze-danger)}
.btn{display:inline-block;padding:8px 14px;border-radius:8px;border:1px solid var(--ze-brand);background:var(--ze-bg);color:var(--ze-brand);font-weight:600;text-decoration:none}
.btn.primary{background:var(--ze-brand);color:var(--ze-brand-text)}
.btn:disabled{opacity:.55;cursor:not-allowed}
a{color:var(--ze-brand)}
.skeleton{display:grid;gap:10px}
.skeleton span,.skel{display:block;height:56px;border-radius:10px;background:linear-gradient(90deg,var(--ze-soft),#e3e8ef,var(--ze-soft));background-size:200% 100%;animation:ze-sh 1.2s linear infinite}
@keyframes ze-sh{to{background-position:-200% 0}}
@media (prefers-reduced-motion:reduce){.skeleton span,.skel{animation:none}}
`
