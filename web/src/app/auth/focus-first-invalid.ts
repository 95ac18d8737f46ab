/** Moves focus to the first invalid form control inside `root` (after a rejected submit). */
export function focusFirstInvalid(root: HTMLElement): void {
  root
    .querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, select.ng-invalid')
    ?.focus();
}
