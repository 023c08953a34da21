import { forwardRef } from 'react';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';

// Mantine components that navigate with TanStack Router (typed `to` and `params`).

type MantineAnchorProps = Omit<AnchorProps, 'href'> & { children?: React.ReactNode };
const MantineAnchor = forwardRef<HTMLAnchorElement, MantineAnchorProps>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const CreatedAnchorLink = createLink(MantineAnchor);
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink {...props} />;

type MantineButtonProps = Omit<ButtonProps, 'href'> & { children?: React.ReactNode };
const MantineButtonAnchor = forwardRef<HTMLAnchorElement, MantineButtonProps>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
const CreatedButtonLink = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => <CreatedButtonLink {...props} />;

type MantineNavLinkProps = Omit<NavLinkProps, 'href'>;
const MantineNavLink = forwardRef<HTMLAnchorElement, MantineNavLinkProps>((props, ref) => (
  <NavLink ref={ref} component="a" {...props} />
));
const CreatedNavLink = createLink(MantineNavLink);
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLink {...props} />;
