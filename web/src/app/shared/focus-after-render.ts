import { afterNextRender, ElementRef, inject, Injector } from '@angular/core';

/** Focuses the first element of the component matching a selector, once the view has rendered. */
export type FocusAfterRender = (selector: string) => void;

/**
 * For a component whose view takes away what a person was working in (a form closes, a message
 * takes its place): focus goes to where they carry on, instead of falling back to the page's
 * start. Call it in an injection context (a field initialiser) of the component.
 */
export function focusAfterRender(): FocusAfterRender {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const injector = inject(Injector);
  return (selector) => {
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector,
    });
  };
}
