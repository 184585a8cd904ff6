// Words the synthetic corpus is made of. Places and organisations are invented (so a generated corpus never passes
// for, or collides with, the real seed story); people get first names with the spellings transliteration produces,
// which is what alternate names are for.

/** A first name and the other ways it is written. */
export const FIRST_NAMES: readonly (readonly string[])[] = [
  ["Aleksandr", "Alexander", "Oleksandr"],
  ["Yevgeny", "Evgeny", "Yevgeniy"],
  ["Dmitri", "Dmitry", "Dmytro"],
  ["Sergei", "Sergey", "Serhiy"],
  ["Mikhail", "Michail"],
  ["Yulia", "Julia", "Yuliya"],
  ["Natalia", "Natalya"],
  ["Olga", "Olha"],
  ["Tatiana", "Tatyana"],
  ["Ksenia", "Kseniya", "Xenia"],
  ["Maria"],
  ["Ingrid"],
  ["Lars"],
  ["Sigrid"],
  ["Henrik"],
  ["Astrid"],
  ["Mohammed", "Muhammad", "Mohamed"],
  ["Yusuf", "Youssef"],
  ["Fatima", "Fatimah"],
  ["Leila", "Layla"],
  ["Hassan"],
  ["Amira"],
  ["Jean"],
  ["Camille"],
  ["Lucía", "Lucia"],
  ["Mateo"],
  ["Sofia", "Sophia"],
  ["Jonas"],
  ["Elena"],
  ["Tomasz"],
  ["Katarzyna"],
  ["Piotr"],
  ["Zhang"],
  ["Mei"],
  ["Kwame"],
  ["Amara"],
  ["Ravi"],
  ["Priya"],
  ["Daniel"],
  ["Sarah"],
  ["James"],
  ["Emma"],
  ["Oliver"],
  ["Hannah"],
];

/** Surnames with, for some, a second transliteration. */
export const SURNAMES: readonly (readonly string[])[] = [
  ["Kozlov", "Kozloff"],
  ["Volkov", "Wolkow"],
  ["Sokolova"],
  ["Petrenko"],
  ["Morozov", "Morosov"],
  ["Lebedeva"],
  ["Kuznetsov", "Kusnezow"],
  ["Zaitsev", "Zaytsev"],
  ["Orlova"],
  ["Tkachenko", "Tkachuk"],
  ["Haugen"],
  ["Lindqvist", "Lindquist"],
  ["Berg"],
  ["Solberg"],
  ["Dahl"],
  ["Nyström", "Nystrom"],
  ["Haddad"],
  ["Nasser", "Nasr"],
  ["Rahman"],
  ["Khalil"],
  ["Dubois"],
  ["Moreau"],
  ["García", "Garcia"],
  ["Fernández", "Fernandez"],
  ["Rossi"],
  ["Novak"],
  ["Kowalski", "Kowalsky"],
  ["Wiśniewska", "Wisniewska"],
  ["Chen"],
  ["Wang"],
  ["Mensah"],
  ["Okafor"],
  ["Sharma"],
  ["Iyer"],
  ["Müller", "Mueller"],
  ["Schmidt"],
  ["Walsh"],
  ["Murphy"],
  ["Bennett"],
  ["Hughes"],
];

export const NATIONALITIES = ["RU", "UA", "NO", "SE", "FR", "DE", "ES", "PL", "GB", "US", "EG", "LB", "NG", "IN", "CN"];

const PLACE_STARTS = ["Val", "Kor", "Mar", "Tes", "Bel", "Ost", "Lin", "Dra", "Sar", "Ner", "Qal", "Hel", "Ard", "Vor"];
const PLACE_MIDDLES = ["a", "e", "o", "i", "ava", "en", "is", "ur", "un", "el"];
const PLACE_ENDS = ["dor", "via", "stan", "heim", "grad", "mark", "land", "ora", "essa", "ovo", "berg", "pol"];

/** An invented, pronounceable place name for index `n` (distinct for every n below a few thousand). */
export function placeName(n: number): string {
  const start = PLACE_STARTS[n % PLACE_STARTS.length]!;
  const middle = PLACE_MIDDLES[Math.floor(n / PLACE_STARTS.length) % PLACE_MIDDLES.length]!;
  const end = PLACE_ENDS[Math.floor(n / (PLACE_STARTS.length * PLACE_MIDDLES.length)) % PLACE_ENDS.length]!;
  return `${start}${middle}${end}`;
}

export const ORGANISATION_PATTERNS: readonly (readonly [string, string])[] = [
  ["GOVERNMENT_BODY", "Ministry of {topic} of {place}"],
  ["GOVERNMENT_BODY", "{place} State Council"],
  ["ARMED_FORCES", "{place} Defence Forces"],
  ["POLICE", "{place} National Police"],
  ["COURT", "{place} Supreme Court"],
  ["COURT", "{place} District Court"],
  ["NGO", "{place} Refugee Council"],
  ["NGO", "Friends of {place}"],
  ["ACTIVIST_GROUP", "{place} Free Speech Initiative"],
  ["LAW_FIRM", "{surname} & {surname2} Advocates"],
  ["COMPANY", "{place} Energy"],
  ["COMPANY", "{surname} Logistics"],
  ["COMPANY", "{place} Mining Group"],
  ["PRIVATE_MILITARY_COMPANY", "{surname} Security Group"],
  ["OTHER", "{place} Football Club"],
];

export const PUBLISHERS = [
  "The Northern Ledger",
  "Harbour Daily",
  "The Evening Dispatch",
  "Meridian News",
  "The Weekly Record",
];
export const AGENCIES = ["Compass Press Agency", "Frontline Photo Agency"];

export const SECTIONS: readonly { slug: string; name: string; description: string }[] = [
  { slug: "world", name: "World", description: "News from around the world." },
  { slug: "politics", name: "Politics", description: "Governments, parties and elections." },
  { slug: "business", name: "Business", description: "Companies, markets and the economy." },
  { slug: "investigations", name: "Investigations", description: "Long-form investigative reporting." },
  { slug: "law", name: "Law", description: "Courts, trials and the justice system." },
  { slug: "culture", name: "Culture", description: "Books, film, music and the arts." },
  { slug: "sport", name: "Sport", description: "Results, transfers and the people behind them." },
  { slug: "opinion", name: "Opinion", description: "Columns and editorials." },
];

export const TOPICS = [
  "asylum",
  "migration",
  "elections",
  "energy",
  "corruption",
  "courts",
  "defence",
  "border",
  "refugees",
  "protests",
  "mining",
  "shipping",
  "fisheries",
  "climate",
  "housing",
  "healthcare",
  "education",
  "sanctions",
  "trade",
  "media-freedom",
  "surveillance",
  "policing",
  "prisons",
  "football",
  "film",
  "literature",
  "music",
  "banking",
  "cybercrime",
  "espionage",
  "human-rights",
  "labour",
  "agriculture",
  "transport",
  "tourism",
  "science",
  "space",
  "water",
  "wildfires",
  "floods",
];

export const AFFILIATION_ROLES = ["member", "adviser", "spokesperson", "director", "chair", "officer", "counsel"];
export const EVENT_KINDS = [
  "MILITARY_SERVICE",
  "DEFECTION",
  "BORDER_CROSSING",
  "ASYLUM_APPLICATION",
  "ASYLUM_DECISION",
  "ARREST",
  "SENTENCING",
  "REBELLION",
  "CRASH",
  "INTERVIEW",
  "OTHER",
] as const;
export const EVENT_NAMES: Record<(typeof EVENT_KINDS)[number], string> = {
  MILITARY_SERVICE: "Service in the {place} campaign",
  DEFECTION: "Defection of {person}",
  BORDER_CROSSING: "Crossing at {place}",
  ASYLUM_APPLICATION: "Asylum application of {person}",
  ASYLUM_DECISION: "Asylum ruling on {person}",
  ARREST: "Arrest of {person}",
  SENTENCING: "Sentencing of {person}",
  REBELLION: "{place} uprising",
  CRASH: "{place} air crash",
  INTERVIEW: "Interview with {person}",
  OTHER: "{place} summit",
};

export const VERBS = [
  "questions",
  "defends",
  "rejects",
  "backs",
  "meets",
  "criticises",
  "sues",
  "joins",
  "leaves",
  "warns",
  "praises",
  "investigates",
];

/** Sentences of article bodies: {a} and {b} are two entities the article mentions. */
export const SENTENCES = [
  "{a} met {b} in {place} on Tuesday to discuss {topic}.",
  "According to documents seen by reporters, {a} had warned {b} about {topic} months earlier.",
  "{a} declined to comment on the {topic} dispute with {b}.",
  "In a statement, {a} said the talks with {b} would continue.",
  "Critics argue that {a} has done little on {topic} since the election.",
  "Supporters of {a} point to the agreement reached with {b} in {place}.",
  "Lawyers for {a} expect a ruling on {topic} before the summer.",
  "People familiar with the matter said {b} had been told in advance.",
  "Records show that {a} and {b} met at least three times.",
  "The decision follows months of pressure on {a} over {topic} in {place}.",
  "Witnesses in {place} described crowds gathering outside the offices of {b}.",
  "{b} has not responded to questions about {topic}.",
];

export const COMMENT_PHRASES = [
  "Thanks for reporting this.",
  "This is the first I have heard of it.",
  "Does anyone know what happened next?",
  "I disagree with the premise.",
  "Well researched piece.",
  "The headline overstates it.",
  "Where can I read the ruling itself?",
  "Happened in my town too.",
  "Important story, more of this please.",
  "I doubt this will change anything.",
];
