// Run in a page (`page.evaluate(recordKeystrokes)`): from then on, records in
// `window.__keys`, per input event on the search box and from its time
// stamp, the first change under <main> (`dom`), the start of the next frame
// (`frame`) and that frame painted (`painted`: a message posted from its
// requestAnimationFrame arrives after its style, layout and paint).
export function recordKeystrokes() {
  window.__keys = [];
  const box = document.querySelector('input[type=search]');
  box.addEventListener('input', (e) => {
    const rec = { t0: e.timeStamp };
    window.__keys.push(rec);
    const observer = new MutationObserver(() => {
      observer.disconnect();
      rec.dom = performance.now();
    });
    observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
    // This keystroke's update runs in the microtasks after the event, so
    // any mutation of it is seen before the next frame.
    requestAnimationFrame(() => {
      rec.frame = performance.now();
      observer.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { rec.painted = performance.now(); };
      channel.port2.postMessage(0);
    });
  }, { capture: true });
}
