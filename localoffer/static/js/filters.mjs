// On a phone the filter form is long enough to push every result off the first screen, so
// on narrow screens it folds behind a "Show filters" button. Without JavaScript, or on wider
// screens, the form is simply there.
const panel = document.querySelector("[data-lo-filters]");
const form = panel && panel.querySelector("form");

if (form) {
  const narrow = window.matchMedia("(max-width: 40.0525em)");
  const selected = Number(panel.dataset.loSelected || 0);
  // A filter with an error stays open, so the error summary's link has somewhere to go.
  const hasError = Boolean(form.querySelector(".govuk-form-group--error"));
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-2";
  button.setAttribute("aria-controls", form.id);
  const label = (open) => {
    const text = open ? panel.dataset.loHide : panel.dataset.loShow;
    return selected ? `${text} (${panel.dataset.loSelectedText.replace("{count}", selected)})` : text;
  };
  const show = (open) => {
    form.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = label(open);
  };
  button.addEventListener("click", () => show(form.hidden));
  form.before(button);

  const fit = () => {
    button.hidden = !narrow.matches;
    show(!narrow.matches || hasError);
  };
  narrow.addEventListener("change", fit);
  fit();
}
