// The screenshot editor's styles: their own chunk, like the editor.
export const captureCss = `
.cap{position:fixed;inset:0;z-index:2147483002;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.55);padding:12px}
.cap-card{background:var(--ze-bg);border-radius:12px;padding:14px;display:grid;gap:10px;width:min(960px,100%);max-height:100%;overflow:auto;box-shadow:0 8px 30px rgba(0,0,0,.35)}
.cap-card h2{margin:0;font-size:16px}
.cap-card p{margin:0}
.cap-img{position:relative;justify-self:center;max-width:100%;cursor:crosshair;touch-action:none;box-shadow:0 0 0 1px var(--ze-border);line-height:0}
.cap-img canvas{display:block;max-width:100%;max-height:60vh;height:auto}
.cap-img:focus-visible{outline:3px solid var(--ze-brand);outline-offset:2px}
.cap-sel{position:absolute;border:2px dashed var(--ze-brand);background:rgba(31,95,191,.15);pointer-events:none}
.cap-tools{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.cap-tools fieldset{display:flex;gap:10px;border:0;margin:0;padding:0}
.cap-tools legend{float:left;margin-right:6px;font-weight:600}
.cap-actions{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end}
`
