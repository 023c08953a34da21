import { Text, type TextProps } from '@mantine/core';

/**
 * A story as it was typed: plain text, line breaks kept. React puts it in the page as text, never as
 * markup, so whatever it contains (even "<script>") is shown, not run.
 */
export function Story({ text, ...props }: TextProps & { text: string }) {
  return (
    <Text {...props} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}
