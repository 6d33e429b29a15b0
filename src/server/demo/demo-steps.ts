/**
 * Scripted steps of the demo sessions, in seconds of *video* time, matching what the generated
 * videos show (scripts/make-media.sh draws them at the same instants). Negative times happened
 * before the first video frame, as in real sessions where the first `goto` precedes the recording.
 */
export type DemoStepScript =
  | { kind: 'observation'; atSec: number; endSec: number; url: string; title: string }
  | {
      kind: 'execution';
      atSec: number;
      endSec: number;
      action: Record<string, unknown>;
      success: boolean;
      message: string;
    }
  | { kind: 'completion'; atSec: number; success: boolean; answer: string };

export const CHECKOUT_STEPS: readonly DemoStepScript[] = [
  {
    kind: 'execution',
    atSec: -1.4,
    endSec: -0.2,
    action: { type: 'goto', url: 'https://shop.example.com/cart' },
    success: true,
    message: 'Navigated to https://shop.example.com/cart',
  },
  { kind: 'observation', atSec: 0.1, endSec: 1.2, url: 'https://shop.example.com/cart', title: 'Your cart – ShopExample' },
  {
    kind: 'execution',
    atSec: 2.0,
    endSec: 2.5,
    action: { type: 'click', id: 'B3', text_label: 'Proceed to checkout' },
    success: true,
    message: "Clicked 'Proceed to checkout'",
  },
  { kind: 'observation', atSec: 3.2, endSec: 3.3, url: 'https://shop.example.com/checkout', title: 'Checkout – ShopExample' },
  {
    kind: 'execution',
    atSec: 3.3,
    endSec: 3.7,
    action: { type: 'click', id: 'B9', text_label: 'Accept cookies' },
    success: false,
    message: "Failed to click 'Accept cookies': no element B9 on the page (the cookie banner is not shown)",
  },
  // make-media.sh fills the form from 4.2 s: per field a 0.6 s move, the click 0.1 s later, typing from
  // 0.35 s after the move at 0.08 s a character, then 0.25 s until the next move. A step runs from
  // its move to the last character.
  fill(4.2, 5.79, 'I1', 'Full name', 'Jane Doe'),
  fill(6.04, 8.59, 'I2', 'Email', 'jane.doe@example.com'),
  fill(8.84, 11.15, 'I3', 'Street address', '221B Baker Street'),
  fill(11.4, 12.83, 'I4', 'City', 'London'),
  fill(13.08, 14.59, 'I5', 'Postcode', 'NW1 6XE'),
  fill(14.84, 17.31, 'I6', 'Card number', '4242 4242 4242 4242'),
  {
    kind: 'execution',
    atSec: 17.56,
    endSec: 18.41,
    action: { type: 'click', id: 'B1', text_label: 'Place order' },
    success: true,
    message: "Clicked 'Place order'",
  },
  {
    kind: 'observation',
    atSec: 20.6,
    endSec: 20.8,
    url: 'https://shop.example.com/order/confirmation?order=SE-48213',
    title: 'Order confirmed – ShopExample',
  },
  { kind: 'completion', atSec: 28.0, success: true, answer: 'Order SE-48213 placed: $129.00, delivery Tue 14 Oct – Thu 16 Oct.' },
];

export const SEARCH_STEPS: readonly DemoStepScript[] = [
  {
    kind: 'execution',
    atSec: -1.2,
    endSec: -0.3,
    action: { type: 'goto', url: 'https://search.example.com/' },
    success: true,
    message: 'Navigated to https://search.example.com/',
  },
  { kind: 'observation', atSec: 0.1, endSec: 0.9, url: 'https://search.example.com/', title: 'Searchly' },
  fill(1.1, 3.74, 'I1', 'Search the web', 'noise cancelling headphones'),
  {
    kind: 'execution',
    atSec: 4.6,
    endSec: 4.9,
    action: { type: 'click', id: 'B1', text_label: 'Search' },
    success: true,
    message: "Clicked 'Search'",
  },
  {
    kind: 'observation',
    atSec: 5.3,
    endSec: 5.9,
    url: 'https://search.example.com/search?q=noise+cancelling+headphones',
    title: 'noise cancelling headphones – Searchly',
  },
  {
    kind: 'execution',
    atSec: 7.5,
    endSec: 8.8,
    action: { type: 'click', id: 'L4', text_label: 'Aurora ANC Wireless Headphones – ShopExample' },
    success: true,
    message: "Clicked 'Aurora ANC Wireless Headphones – ShopExample'",
  },
  {
    kind: 'observation',
    atSec: 9.4,
    endSec: 10.0,
    url: 'https://shop.example.com/p/aurora-anc-headphones',
    title: 'Aurora ANC Wireless Headphones – ShopExample',
  },
  {
    kind: 'execution',
    atSec: 11.0,
    endSec: 17.6,
    action: { type: 'scrape', instructions: 'Extract the product title, rating, price and features' },
    success: true,
    message: 'Extracted 4 fields: title, rating, price, features',
  },
  {
    kind: 'completion',
    atSec: 18.0,
    success: true,
    answer:
      '{"title": "Aurora ANC Wireless Headphones", "rating": 4.4, "price": "$129.00", "features": ["Active noise cancelling with 3 modes", "38 h battery, USB-C fast charge", "Bluetooth 5.3 with multipoint", "254 g, foldable, travel case included"]}',
  },
];

function fill(atSec: number, endSec: number, id: string, label: string, value: string): DemoStepScript {
  return {
    kind: 'execution',
    atSec,
    endSec,
    action: { type: 'fill', id, text_label: label, value },
    success: true,
    message: `Filled '${label}' with '${value}'`,
  };
}

/** Notte writes UTC timestamps without a zone suffix; the demo does the same so clients handle it. */
export function notteTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '');
}

export function buildSteps(
  script: readonly DemoStepScript[],
  videoStartAtMs: number,
): Array<{ type: string; value: Record<string, unknown> }> {
  const at = (sec: number): string => notteTimestamp(videoStartAtMs + Math.round(sec * 1000));
  return script.map((step) => {
    switch (step.kind) {
      case 'observation':
        return {
          type: 'observation',
          value: { started_at: at(step.atSec), ended_at: at(step.endSec), metadata: { url: step.url, title: step.title } },
        };
      case 'execution':
        return {
          type: 'execution_result',
          value: {
            started_at: at(step.atSec),
            ended_at: at(step.endSec),
            action: step.action,
            success: step.success,
            message: step.message,
          },
        };
      case 'completion':
        return {
          type: 'agent_completion',
          value: { created_at: at(step.atSec), success: step.success, answer: step.answer },
        };
    }
  });
}
