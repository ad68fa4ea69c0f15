// Styles of the lazily loaded views; rendered as a <style> inside the shadow root with the view.
export const expertCss = `
.form{display:grid;gap:10px}
label,legend{font-weight:600}
textarea{width:100%;padding:8px;border:1px solid var(--ze-border);border-radius:8px;resize:vertical;background:#fff}
.files{border:0;margin:0;padding:0;display:grid;gap:6px;min-width:0}
.drop{padding:14px;border:2px dashed var(--ze-border);border-radius:10px;text-align:center;color:var(--ze-muted)}
.drop.over{border-color:var(--ze-brand);background:var(--ze-soft);color:var(--ze-text)}
.hint{color:var(--ze-muted);font-size:12px}
.filelist,.atts,.list,.msgs,.suggest ul{list-style:none;margin:0;padding:0}
.filelist li{display:flex;gap:6px;align-items:center}
.filelist li>span:first-child{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
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
.all{display:flex;gap:6px;align-items:center;padding:6px 0;border-bottom:1px solid var(--ze-border);font-size:14px;font-weight:400}
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
.conv h3{margin:0;font-size:16px}
.msgs{display:grid;gap:10px;margin:12px 0}
.msg{padding:8px 10px;border-radius:10px;max-width:88%}
.msg.chief{justify-self:end;background:var(--ze-soft);border:1px solid var(--ze-border)}
.msg.expert{justify-self:start;background:#fff;border:1px solid var(--ze-brand);border-left-width:4px}
.msg.system{justify-self:center;color:var(--ze-muted);font-size:12px}
.who{margin:0 0 4px;font-size:12px}
.who time{color:var(--ze-muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.failed{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
`
