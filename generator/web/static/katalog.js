// "Panen bulan ini": keep only the reader's current month visible, so a site built in May
// is still right in July. Without JavaScript every month stays listed.
function showThisMonthsHarvest() {
  var month = new Date().getMonth() + 1;
  document.querySelectorAll("h3.panen-bulan").forEach(function (heading) {
    var now = heading.id === "panen-" + month;
    heading.hidden = !now;
    var list = heading.nextElementSibling;
    if (list && list.tagName === "UL") list.hidden = !now;
  });
}
// Material's instant navigation swaps pages without reloading: listen to its page stream.
if (typeof document$ !== "undefined") document$.subscribe(showThisMonthsHarvest);
else document.addEventListener("DOMContentLoaded", showThisMonthsHarvest);

// "Buka sekarang" / "Tutup" from the opening hours, on Balikpapan's clock (WITA, UTC+8)
// whatever time zone the phone is set to.
function showOpenNow() {
  var now = new Date(Date.now() + 8 * 3600 * 1000);
  var day = now.getUTCDay() || 7;
  var minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  var toMinutes = function (hhmm) {
    var parts = hhmm.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  };
  document.querySelectorAll("span.buka[data-jam]").forEach(function (el) {
    var open = el.dataset.jam.split(";").some(function (range) {
      var parts = range.split(" "), times = parts[1].split("-");
      var start = toMinutes(times[0]), end = toMinutes(times[1]);
      if (parts[0].split(",").indexOf(String(day)) < 0) return false;
      // Evening stalls open past midnight (18:00-02:00): open from the start or until the end.
      return end > start ? minute >= start && minute < end : minute >= start || minute < end;
    });
    // A list card (data-hanya-buka) says only "Buka sekarang"; a vendor page says both.
    el.textContent = open ? "Buka sekarang" : "hanyaBuka" in el.dataset ? "" : "Tutup";
    el.className = "buka " + (open ? "buka--ya" : "buka--tidak");
  });
}
if (typeof document$ !== "undefined") document$.subscribe(showOpenNow);
else document.addEventListener("DOMContentLoaded", showOpenNow);

// Offline after a visit (sw.js keeps what the phone fetched).
var katalogScript = document.currentScript && document.currentScript.src;
if (katalogScript && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("../sw.js", katalogScript)).catch(function () {});
}
