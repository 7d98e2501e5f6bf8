/**
 * The ONE module that touches @vscode/webview-ui-toolkit (archived upstream: keep it
 * isolated so it can be swapped for plain elements or another kit). Everything else asks
 * this module for buttons, text fields and checkboxes and gets plain HTMLElements back.
 */
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeTextField } from '@vscode/webview-ui-toolkit';

let registered = false;
function register(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeTextField());
}

/** An icon button (codicon) with an accessible label and tooltip. */
export function iconButton(icon: string, label: string, onClick: () => void): HTMLElement {
  register();
  const b = document.createElement('vscode-button');
  b.setAttribute('appearance', 'icon');
  b.setAttribute('aria-label', label);
  b.setAttribute('title', label);
  b.dataset.action = icon;
  const i = document.createElement('span');
  i.className = `codicon codicon-${icon}`;
  b.appendChild(i);
  b.addEventListener('click', onClick);
  return b;
}

/** A text button with an optional leading codicon. */
export function textButton(label: string, icon: string | undefined, onClick: () => void): HTMLElement {
  register();
  const b = document.createElement('vscode-button');
  b.setAttribute('appearance', 'secondary');
  if (icon) {
    const i = document.createElement('span');
    i.slot = 'start';
    i.className = `codicon codicon-${icon}`;
    b.appendChild(i);
  }
  b.appendChild(document.createTextNode(label));
  b.addEventListener('click', onClick);
  return b;
}

/** A text field; onInput gets the current value on every keystroke. */
export function textField(placeholder: string, value: string, icon: string, onInput: (v: string) => void): HTMLElement {
  register();
  const f = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  f.setAttribute('placeholder', placeholder);
  f.setAttribute('aria-label', placeholder);
  f.setAttribute('value', value);
  const i = document.createElement('span');
  i.slot = 'start';
  i.className = `codicon codicon-${icon}`;
  f.appendChild(i);
  f.addEventListener('input', () => onInput(String(f.value ?? '')));
  return f;
}

/** A checkbox. */
export function checkbox(label: string, checked: boolean, onChange: (v: boolean) => void): HTMLElement {
  register();
  const c = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  if (checked) c.setAttribute('checked', '');
  c.appendChild(document.createTextNode(label));
  c.addEventListener('change', () => onChange(Boolean(c.checked)));
  return c;
}
