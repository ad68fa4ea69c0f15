// Styles of the lazily loaded views; adopted into the shadow root while a view shows (ui/sheet.tsx).
export const expertCss = `
.form{display:grid;grid-template-columns:minmax(0,1fr);gap:10px}
label,legend{font-weight:600}
textarea,.subject{width:100%;padding:8px;border:1px solid var(--ze-border);border-radius:8px;resize:vertical;background:#fff}
.files{border:0;margin:0;padding:0;display:grid;grid-template-columns:minmax(0,1fr);gap:6px;min-width:0}
.pick{display:flex;gap:8px}.pick .btn{flex:1}
.drop{padding:14px;border:2px dashed var(--ze-border);border-radius:10px;text-align:center;color:var(--ze-muted)}
.drop.over{border-color:var(--ze-brand);background:var(--ze-soft);color:var(--ze-text)}
.hint{color:var(--ze-muted);font-size:12px}
.filelist,.atts,.list,.msgs,.suggest ul{list-style:none;margin:0;padding:0}
.filelist li{display:flex;gap:6px;align-items:center;min-width:0}
.filelist .fname{flex:1}
.filelist .bad{background:#fdecea;border-radius:6px;padding:2px 4px}
.fname{display:inline-flex;min-width:0;max-width:100%;white-space:nowrap;overflow:hidden}
.fn1{overflow:hidden;text-overflow:ellipsis;min-width:1.5em}
.fn2{flex:none}
.sending{display:flex;gap:8px;align-items:center}
.sending .progress{flex:1}
.count{margin:0;font-size:12px}
.x{border:0;background:none;font-size:18px;color:var(--ze-danger);padding:0 6px}
.progress{width:100%}
.link{border:0;background:none;padding:0;color:var(--ze-brand);text-decoration:underline;text-align:left}
.suggest h3{margin:0 0 4px;font-size:13px}
.suggest li{margin-bottom:4px}
.suggest .hint{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between;margin-bottom:10px}
.tools{justify-content:flex-start}
.tabs{display:flex;gap:2px}
.tabs button{border:0;border-bottom:3px solid transparent;background:none;padding:6px 4px;font-size:14px;font-weight:600;color:var(--ze-muted)}
.tabs [aria-selected=true]{border-color:var(--ze-brand);color:var(--ze-text)}
.all{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;min-height:40px;padding:4px 0;border-bottom:1px solid var(--ze-border);font-size:14px;font-weight:400}
.all label{display:flex;gap:6px;align-items:center}
.all .count{font-weight:600}
.all .tools{display:flex;gap:6px;margin-left:auto}
.filters{flex-wrap:nowrap}
.filters .q{flex:1;min-width:0;padding:6px 10px;border:1px solid var(--ze-border);border-radius:8px;background:#fff}
.filters select{max-width:45%;padding:6px;border:1px solid var(--ze-border);border-radius:8px;background:#fff;font:inherit}
.gmail{margin:6px 0;padding:6px 10px;border-radius:8px;background:var(--ze-soft);font-size:13px}
.pv{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:13px;color:var(--ze-muted)}
.pv b{color:var(--ze-text);font-weight:600}
.empty{display:grid;gap:8px;justify-items:start;margin:12px 0;padding:12px;border-radius:8px;background:var(--ze-soft)}
.empty p{margin:0}
.toast-slot{position:sticky;bottom:0;display:flex;justify-content:center;pointer-events:none}
.toast{pointer-events:auto;display:flex;gap:12px;align-items:center;margin-top:8px;padding:8px 10px 8px 14px;border-radius:8px;background:#1b1f24;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.toast .btn{background:transparent;color:#fff;border-color:#fff}
.btn.sm{padding:6px 10px;font-size:14px}
.case{display:flex;gap:8px;align-items:flex-start;padding:8px 0;border-bottom:1px solid var(--ze-border)}
.case input{margin-top:4px}
.open{flex:1;min-width:0;border:0;background:none;text-align:left;padding:0}
.line{display:flex;gap:6px;align-items:center}
.subj{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.unread .subj{font-weight:700}
.num{color:var(--ze-muted)}
.dot{width:10px;height:10px;border-radius:50%;background:var(--ze-brand);flex:none}
.meta{display:flex;flex-wrap:wrap;gap:4px 10px;color:var(--ze-muted);font-size:12px;margin:2px 0 0}
.status{font-weight:600}
.s-answered{color:#1c6b2f}
.more{margin-top:10px;width:100%}
.head h2{overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow-wrap:anywhere;font-size:15px}
.msgs{display:grid;grid-template-columns:minmax(0,1fr);gap:10px;margin:12px 0}
.msg{padding:8px 10px;border-radius:10px;max-width:88%;min-width:0}
.day,.new{justify-self:stretch;display:flex;align-items:center;gap:8px;color:var(--ze-muted);font-size:12px}
.day::before,.day::after,.new::before,.new::after{content:"";flex:1;border-top:1px solid var(--ze-border)}
.new{color:var(--ze-danger);font-weight:600}
.new::before,.new::after{border-color:var(--ze-danger)}
.atts{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.chip{display:flex;flex-direction:column;min-width:0;max-width:100%}
.chip button{display:flex;gap:8px;align-items:center;max-width:100%;padding:6px 10px;border:1px solid var(--ze-border);border-radius:8px;background:var(--ze-bg);color:var(--ze-brand);text-align:left}
.chip .hint{flex:none}
.thumb button{display:block;padding:0;border:1px solid var(--ze-border);border-radius:8px;background:var(--ze-soft);overflow:hidden;cursor:zoom-in}
.thumb img,.thumb .skel{display:block;width:120px;height:90px;object-fit:cover}
.lightbox{position:fixed;left:0;top:0;width:100vw;height:100vh;height:100dvh;z-index:2147483002;display:flex;align-items:center;justify-content:center;padding:48px 16px 16px;background:rgba(0,0,0,.85)}
.lightbox img{max-width:100%;max-height:100%;object-fit:contain;background:#fff}
.lbclose{position:absolute;top:8px;right:8px;width:40px;height:40px;border:0;border-radius:50%;background:#fff;color:#000;font-size:24px}
.reply{position:sticky;bottom:-14px;margin:0 -14px -14px;padding:8px 14px 10px;background:var(--ze-bg);border-top:1px solid var(--ze-border);display:grid;gap:6px}
.reply.over{outline:2px dashed var(--ze-brand);outline-offset:-4px}
.cover{margin:0;text-align:center;color:var(--ze-brand);font-weight:600}
.rrow{display:flex;gap:6px;align-items:flex-end}
.rrow textarea{flex:1;min-width:0;resize:none;max-height:160px;overflow-y:auto}
.clip{flex:none;width:36px;height:36px;display:flex;align-items:center;justify-content:center;border:1px solid var(--ze-border);border-radius:8px;background:var(--ze-bg);color:var(--ze-text)}
.reply .hint{margin:0}
.msg.chief{justify-self:end;background:var(--ze-soft);border:1px solid var(--ze-border)}
.msg.expert{justify-self:start;background:#fff;border:1px solid var(--ze-brand);border-left-width:4px}
.msg.system{justify-self:center;color:var(--ze-muted);font-size:12px}
.who{margin:0 0 4px;font-size:12px}
.who time{color:var(--ze-muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.failed{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.rating{display:grid;gap:8px;margin:8px 0;padding:10px;border:1px solid var(--ze-border);border-radius:10px}
.rating fieldset{border:0;margin:0;padding:0;min-width:0}
.scores{display:flex;gap:6px;margin-top:6px}
.scores label{position:relative;display:grid;place-items:center;width:36px;height:36px;border:1px solid var(--ze-border);border-radius:8px;cursor:pointer}
.scores label.on{background:var(--ze-brand);color:var(--ze-brand-text);border-color:var(--ze-brand)}
.scores input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer}
.scores label:focus-within{outline:2px solid var(--ze-brand);outline-offset:2px}
.rcomment{display:grid;gap:4px}
`
