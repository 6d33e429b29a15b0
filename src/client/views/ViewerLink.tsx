import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../routing/use-route';

/** A real link (copyable, opens in a new tab) that navigates in place on a plain click. */
export function ViewerLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
