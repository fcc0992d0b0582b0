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
