// Copy buttons: "Copied" feedback on success; on failure (no permission, insecure context) the
// text is selected in its field so the user can press Ctrl+C.

const FEEDBACK_MS = 1800;

/**
 * @param {HTMLButtonElement} button
 * @param {() => string} getText
 * @param {HTMLInputElement} [field] selected as the fallback
 */
export function makeCopyButton(button, getText, field) {
  const label = button.textContent;
  let timer;
  button.addEventListener('click', async () => {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(getText());
      button.textContent = 'Copied';
      button.dataset.state = 'copied';
    } catch {
      field?.select();
      button.textContent = 'Press Ctrl+C';
      button.dataset.state = 'manual';
    }
    timer = setTimeout(() => {
      button.textContent = label;
      delete button.dataset.state;
    }, FEEDBACK_MS);
  });
  return button;
}
