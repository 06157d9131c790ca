// Realistic values chosen by what a field means (its name), via faker. Our faker instances draw their
// randomness from the caller's seeded stream (a Randomizer bound per call), so the same seed gives the
// same dataset and no faker state leaks between generators. (Reseeding faker per call costs far more.)
import { Faker, ar, base, el, en, ja, ko, ru, zh_CN, type LocaleDefinition, type Randomizer } from '@faker-js/faker';
import { createRng, type Rng } from './prng.js';

const source: { rng: Rng } = { rng: createRng(0) };
const randomizer: Randomizer = { next: () => source.rng.next(), seed: () => undefined };

function fakerFor(locale: LocaleDefinition): Faker {
  const faker = new Faker({ locale: [locale, en, base], randomizer });
  // Dates are relative to a fixed day, not to today, so a seed gives the same dates next week too.
  faker.setDefaultRefDate('2026-01-01T00:00:00.000Z');
  return faker;
}

const fakerEN = fakerFor(en);

type StringMaker = (faker: Faker) => string;

/** Field-name patterns (tested against the lower-cased name without `_`/`-`) and what fits them. */
const BY_NAME: [RegExp, StringMaker][] = [
  [/e?mail/, (f) => f.internet.email()],
  [/firstname|givenname/, (f) => f.person.firstName()],
  [/lastname|surname|familyname/, (f) => f.person.lastName()],
  [/username|login|handle|nickname/, (f) => f.internet.username()],
  [/fullname|^name$|displayname|author|owner|contact/, (f) => f.person.fullName()],
  [/phone|mobile|tel$|fax/, (f) => f.phone.number({ style: 'international' })],
  [/street|address/, (f) => f.location.streetAddress()],
  [/city|town/, (f) => f.location.city()],
  [/country/, (f) => f.location.countryCode()],
  [/zip|postal|postcode/, (f) => f.location.zipCode()],
  [/state|region|province/, (f) => f.location.state()],
  [/url|uri|website|homepage|link|href/, (f) => f.internet.url()],
  [/currency/, (f) => f.finance.currencyCode()],
  [/iban/, (f) => f.finance.iban()],
  [/company|organi[sz]ation|employer/, (f) => f.company.name()],
  [/color|colour/, (f) => f.color.rgb()],
  [/ip(v4)?address|^ip$/, (f) => f.internet.ipv4()],
  [/lang|locale/, (f) => f.helpers.arrayElement(['en', 'de', 'fr', 'ja', 'ru'])],
  [/uuid|guid/, (f) => f.string.uuid()],
  [/sha|hash|digest/, (f) => f.git.commitSha()],
  [/date$|birthday|dob/, (f) => f.date.past().toISOString().slice(0, 10)],
  [/(created|updated|deleted|modified)(at|on)?$|timestamp|time$/, (f) => f.date.recent().toISOString()],
  [/title|subject|headline/, (f) => f.lorem.sentence({ min: 2, max: 6 }).replace(/\.$/, '')],
  [/tag|label|category|slug/, (f) => f.lorem.slug({ min: 1, max: 2 })],
];

/** Names of free-text fields, which get text in several scripts (non-ASCII included). */
const FREE_TEXT = /desc|comment|body|text|message|note|bio|summary|content|about|reason/;

const SCRIPTS: Faker[] = [ja, ru, ar, el, zh_CN, ko].map(fakerFor);

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_\-\s.]/g, '');
}

/** A realistic string for a field name, or undefined when the name says nothing we know. */
export function realisticString(rng: Rng, name: string | undefined, asciiOnly: boolean): string | undefined {
  if (name === undefined || name === '') return undefined;
  const key = normalize(name);
  const maker = BY_NAME.find(([pattern]) => pattern.test(key))?.[1];
  if (maker !== undefined) return seeded(fakerEN, rng)(maker);
  if (FREE_TEXT.test(key)) return freeText(rng, asciiOnly);
  return undefined;
}

/** A short text, in a non-Latin script one time in two (headers and cookies stay ASCII). */
export function freeText(rng: Rng, asciiOnly: boolean): string {
  if (asciiOnly || rng.chance(0.5)) return seeded(fakerEN, rng)((f) => f.lorem.sentence({ min: 3, max: 8 }));
  const faker = rng.pick(SCRIPTS);
  return seeded(faker, rng)((f) => `${f.person.fullName()} ${f.location.city()}`);
}

/** A realistic number for money, quantity and age fields; undefined when the name is not one of them. */
export function realisticNumber(rng: Rng, name: string | undefined, integer: boolean): number | undefined {
  if (name === undefined) return undefined;
  const key = normalize(name);
  if (/price|amount|cost|total|balance|salary|fee/.test(key)) {
    return integer ? rng.int(1, 5000) : Math.round(rng.next() * 500000) / 100;
  }
  if (/age$/.test(key)) return rng.int(18, 90);
  if (/quantity|qty|count/.test(key)) return rng.int(1, 20);
  return undefined;
}

export function realisticWord(rng: Rng): string {
  return seeded(fakerEN, rng)((f) => f.lorem.word());
}

export function fakerUuid(rng: Rng): string {
  return seeded(fakerEN, rng)((f) => f.string.uuid());
}

function seeded(faker: Faker, rng: Rng): (maker: StringMaker) => string {
  return (maker) => {
    source.rng = rng;
    return maker(faker);
  };
}

/** The English faker, drawing from `rng` until the next call of this module. */
export function fakerWith(rng: Rng): Faker {
  source.rng = rng;
  return fakerEN;
}
