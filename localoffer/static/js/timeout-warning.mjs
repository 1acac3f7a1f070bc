// The staff timeout warning (components/timeout_warning.html, staff/account/timeout.py).
// Shortly before the session would end, ask the server how long is really left (another tab
// may have been used meanwhile) and offer "Stay signed in". When the time is up, say so on this
// page instead of leaving it, so nothing typed is lost. WCAG 2.2.1 Timing Adjustable.
const dialog = document.querySelector("[data-lo-timeout]");

if (dialog && typeof dialog.showModal === "function" && window.fetch) {
  const lang = document.documentElement.lang || "en";
  const plural = new Intl.PluralRules(lang);
  const patterns = { minutes: JSON.parse(dialog.dataset.minutes), seconds: JSON.parse(dialog.dataset.seconds) };
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000;
  const warning = dialog.querySelector('[data-lo-timeout-state="warning"]');
  const signedOut = dialog.querySelector('[data-lo-timeout-state="signed-out"]');
  const shown = dialog.querySelector("[data-lo-timeout-shown]");
  const said = dialog.querySelector("[data-lo-timeout-said]");
  const extendForm = dialog.querySelector("[data-lo-timeout-extend]");
  let endsAt = Date.now() + Number(dialog.dataset.secondsLeft) * 1000;
  let extendable = dialog.dataset.extendable === "true";
  let timer = null;
  let ticking = null;

  const count = (kind, n) => {
    const set = patterns[kind];
    return (set[plural.select(n)] ?? set.other ?? Object.values(set)[0]).replace("{n}", n.toLocaleString(lang));
  };
  const secondsLeft = () => Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  const timeText = (s) => (s >= 60 ? count("minutes", Math.ceil(s / 60)) : count("seconds", s));
  const sentence = (time) => (extendable ? shown.dataset.extendableText : shown.dataset.finalText).replace("{time}", time);

  // The visible copy changes every second; the copy read out only every minute and then every
  // ten seconds in the last minute, so a screen reader is not interrupted all the time.
  const render = () => {
    const s = secondsLeft();
    shown.textContent = sentence(timeText(s));
    const spoken = sentence(s >= 60 ? timeText(s) : count("seconds", Math.ceil(s / 10) * 10));
    if (said.textContent !== spoken) said.textContent = spoken;
  };

  const ask = async (url, options = {}) => {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store", ...options,
        headers: { Accept: "application/json" } });
      const type = response.headers.get("Content-Type") || "";
      return response.ok && type.startsWith("application/json") ? await response.json() : null;
    } catch {
      return null;
    }
  };

  const learn = (state) => {
    endsAt = Date.now() + state.seconds_left * 1000;
    extendable = state.extendable;
  };

  const show = (part) => {
    for (const each of [warning, signedOut]) each.hidden = each !== part;
    const heading = part.querySelector("h2");
    dialog.setAttribute("aria-labelledby", heading.id);
    dialog.setAttribute("aria-describedby", part.querySelector("[data-lo-timeout-text]").id);
    if (!dialog.open) {
      dialog.showModal();
      heading.focus();
    }
  };

  const close = () => {
    clearInterval(ticking);
    if (dialog.open) dialog.close();
  };

  const schedule = (ms = endsAt - warningMs - Date.now()) => {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, ms));
  };

  const showWarning = () => {
    extendForm.hidden = !extendable;
    render();
    show(warning);
    clearInterval(ticking);
    ticking = setInterval(() => {
      render();
      if (Date.now() >= endsAt) {
        clearInterval(ticking);
        check();
      }
    }, 1000);
  };

  const showSignedOut = () => {
    clearInterval(ticking);
    clearTimeout(timer);
    said.textContent = "";
    show(signedOut);
  };

  async function check() {
    const state = await ask(dialog.dataset.statusUrl);
    if (state && !state.signed_in) return showSignedOut();
    if (state) learn(state);
    const left = endsAt - Date.now();
    if (left > warningMs + 1000) {
      close(); // used in another tab: warn later
      return schedule();
    }
    if (left <= 0) {
      // The server ends it any moment (or could not be asked): look again shortly.
      render();
      if (!dialog.open) show(warning);
      return schedule(state ? 1000 : 5000);
    }
    showWarning();
  }

  const stay = async (event) => {
    event.preventDefault();
    const state = await ask(extendForm.action, { method: "POST", body: new FormData(extendForm) });
    if (state && state.signed_in) learn(state);
    check();
  };

  extendForm.addEventListener("submit", stay);
  // Escape means "not now": the same as staying signed in while that is possible.
  dialog.addEventListener("cancel", (event) => {
    if (!warning.hidden && extendable) stay(event);
  });
  dialog.querySelector("[data-lo-timeout-close]").addEventListener("click", close);
  // Timers can sleep with the computer: look again when the page is seen again.
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && Date.now() >= endsAt - warningMs) check();
  });
  schedule();
}
