import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal <dialog>: the browser keeps focus inside, Escape closes it, and focus goes back to
 * the button that opened it. `onClose` runs however it closes. `class` styles it for its area
 * (enrol__dialog, commands__dialog).
 */
export function Modal(props: { labelledBy: string; describedBy?: string; onClose: () => void; children: ComponentChildren; class: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} class={props.class} aria-labelledby={props.labelledBy} aria-describedby={props.describedBy} onClose={props.onClose}>
      {props.children}
    </dialog>
  );
}
