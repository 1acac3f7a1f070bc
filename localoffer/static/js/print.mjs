// "Print this page" buttons: hidden without JavaScript (the browser's own print still works).
for (const button of document.querySelectorAll("[data-lo-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
