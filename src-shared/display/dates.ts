/**
 * Dates as a person reads them: in their locale and time zone, one style per surface. Texts meant
 * for people (cards, alerts, notifications, history) use these; the CLI and JSON keep ISO instants.
 * A day is held to its month by an unbroken space on screens; a terminal's line (`creditbar watch`)
 * and a channel's message get plain spaces back through plainSpaces.
 * A `timeZone` of undefined means the runtime's own zone (the renderer's, or the main process's).
 */

/** Where and how a surface writes dates: the user's locale(s) and IANA time zone. */
export interface DateStyle {
  locale: string | readonly string[];
  timeZone?: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(style: DateStyle, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = typeof style.locale === 'string' ? style.locale : style.locale.join(',');
  const key = `${locale}|${style.timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(style.locale as string | string[], {
      ...options,
      ...(style.timeZone ? { timeZone: style.timeZone } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

const hourStyles = new Map<string, 'numeric' | '2-digit'>();

/**
 * How a locale writes the hour: "3:42 PM" where clocks run to 12, "00:30" where they run to 24
 * ('numeric' alone gives en-GB's "0:30", '2-digit' alone en-US's "03:42 PM").
 */
function hourStyle(style: DateStyle): 'numeric' | '2-digit' {
  const key = typeof style.locale === 'string' ? style.locale : style.locale.join(',');
  let hour = hourStyles.get(key);
  if (!hour) {
    const cycle = new Intl.DateTimeFormat(style.locale as string | string[], {
      hour: 'numeric',
    }).resolvedOptions().hourCycle;
    hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
    hourStyles.set(key, hour);
  }
  return hour;
}

/**
 * The space that holds a day to its month ("Dec 1", "1 Dec") and a time to its AM/PM: a sentence
 * on a narrow card breaks before "Dec 1.", never between "Dec" and "1.".
 */
export const UNBROKEN_SPACE = '\u00a0';

/** Neighbours whose literal between them keeps its spaces unbroken. */
const HELD_TOGETHER = new Set(['month|day', 'day|month', 'minute|dayPeriod']);

/** Formats `t`, joining a day and its month (and a time and its AM/PM) with UNBROKEN_SPACE. */
function formatHeld(format: Intl.DateTimeFormat, t: number): string {
  const parts = format.formatToParts(t);
  return parts
    .map((part, i) =>
      part.type === 'literal' && HELD_TOGETHER.has(`${parts[i - 1]?.type}|${parts[i + 1]?.type}`)
        ? part.value.replace(/[ \u202f]/g, UNBROKEN_SPACE)
        : part.value,
    )
    .join('');
}

/**
 * A text for a terminal or a program (the CLI's lines): the unbroken spaces of these formats as
 * plain ones, so "Dec 1" reads, pastes and greps as typed. Screens keep them.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function instant(t: string | number): number {
  return typeof t === 'number' ? t : Date.parse(t);
}

/** "Dec 5" (en-US) / "5 Dec" (en-GB): a day in the user's zone, day and month unbroken. */
export function formatDay(t: string | number, style: DateStyle): string {
  return formatHeld(dateFormat(style, { day: 'numeric', month: 'short' }), instant(t));
}

/** "Dec 5, 2:05 PM" / "5 Dec, 14:05": an instant in the user's zone, to the minute (day and month unbroken). */
export function formatDateTime(t: string | number, style: DateStyle): string {
  return formatHeld(
    dateFormat(style, { day: 'numeric', month: 'short', hour: hourStyle(style), minute: '2-digit' }),
    instant(t),
  );
}

/** "2:05 PM" / "14:05" (a time and its AM/PM unbroken). */
export function formatTime(t: string | number, style: DateStyle): string {
  return formatHeld(dateFormat(style, { hour: hourStyle(style), minute: '2-digit' }), instant(t));
}

/**
 * A clock time for "held until 08:00": the time alone within a day of `now`, with the weekday
 * further out ("Tue 08:00").
 */
export function formatClock(t: number, now: number, style: DateStyle): string {
  return t - now >= 86_400_000
    ? formatHeld(dateFormat(style, { weekday: 'short', hour: hourStyle(style), minute: '2-digit' }), t)
    : formatTime(t, style);
}

/** A UTC calendar day key (`YYYY-MM-DD`, how the engine buckets days) as "Dec 5", not shifted into a zone. */
export function formatDayKey(day: string, style: DateStyle): string {
  return formatDay(`${day}T00:00:00Z`, { locale: style.locale, timeZone: 'UTC' });
}

/** A `YYYY-MM` month as "November 2026" (a UTC calendar month). */
export function formatMonth(period: string, style: DateStyle): string {
  return dateFormat({ locale: style.locale, timeZone: 'UTC' }, { month: 'long', year: 'numeric' }).format(
    Date.parse(`${period}-01T00:00:00Z`),
  );
}

const dayKeys = new Map<string, Intl.DateTimeFormat>();

/**
 * Whole calendar days from `from` to `to` in a zone (negative when `to` is earlier): Nov 19 23:00 to
 * Nov 20 01:00 is 1, Nov 18 21:00 to Nov 20 20:00 is 2, whatever the hours or a DST change between.
 */
export function calendarDaysBetween(from: number, to: number, timeZone?: string): number {
  const key = timeZone ?? '';
  let format = dayKeys.get(key);
  if (!format) {
    // en-US with Latin digits only to read the parts back as numbers; nothing here is shown.
    format = new Intl.DateTimeFormat('en-US-u-nu-latn', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    dayKeys.set(key, format);
  }
  const day = (t: number) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000;
  };
  return day(to) - day(from);
}
