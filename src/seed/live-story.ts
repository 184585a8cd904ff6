// The seed's live blog: sample content, written by Lede in its own words for demonstration, around the events of the
// seed's story (a former Wagner commander's asylum case in Norway). It is not reporting: every update says so at
// the top. Plain data only: live.ts writes it.

export interface LiveUpdateSeed {
  key: string;
  at: string;
  title?: string;
  paragraphs: string[];
  keyEvent?: boolean;
  summary?: boolean;
  pinned?: boolean;
  editedAt?: string;
  correction?: string;
}

export const SAMPLE_LIVE_BLOG = {
  slug: "sample-live-blog-a-day-in-oslo",
  canonicalUrl: "https://lede.example/world/live/sample-live-blog-a-day-in-oslo",
  headline: "Sample live blog: a day of updates on an ex-mercenary's bid for protection",
  standfirst:
    "Sample content, written by Lede to show how a live blog works: short updates through one day of a case in Oslo.",
  intro:
    "This is sample content for trying out Lede's live coverage. It retells, in new words, events from the seed's story; it is not a news report.",
  coverageStart: "2024-02-07T08:00:00.000Z",
  coverageEnd: "2024-02-07T18:00:00.000Z",
  updates: [
    {
      key: "opening",
      at: "2024-02-07T08:05:00.000Z",
      title: "Welcome to our live coverage",
      paragraphs: [
        "Good morning. Today we follow the Norwegian authorities' answer to a man who once led fighters for the Wagner Group and then ran from Russia across the Arctic frontier.",
        "We will post short updates through the day as the details come in.",
      ],
    },
    {
      key: "background",
      at: "2024-02-07T08:40:00.000Z",
      title: "How he came to be in Norway",
      paragraphs: [
        "Andrei Medvedev crossed into Norway on foot in January 2023, a little over a year ago, and asked for protection soon after arriving.",
        "He has said that guards on the Russian side fired at him while he made for the border.",
      ],
      summary: true,
    },
    {
      key: "oslo-arrest",
      at: "2024-02-07T09:30:00.000Z",
      paragraphs: [
        "A reminder of a bumpy first year: in spring 2023 police in Oslo picked him up after a scuffle at a bar, and a court later gave him a short prison term over the disturbance and an air rifle he had with him.",
      ],
      editedAt: "2024-02-07T09:50:00.000Z",
      correction: "An earlier version of this update gave the wrong season for the arrest; it was in the spring.",
    },
    {
      key: "decision",
      at: "2024-02-07T11:25:00.000Z",
      title: "No asylum, but no return to Russia either",
      paragraphs: [
        "His lawyer says the immigration authorities have turned down the asylum application.",
        "The same decision lets him remain for now on a temporary permit, because sending him back to Russia is judged too risky for him.",
      ],
      keyEvent: true,
      pinned: true,
    },
    {
      key: "what-it-means",
      at: "2024-02-07T13:10:00.000Z",
      title: "What a temporary permit means",
      paragraphs: [
        "A temporary permit is not a path to citizenship on its own: it lets him stay while the risk of return lasts, and it can be reviewed.",
      ],
    },
    {
      key: "wrap",
      at: "2024-02-07T17:45:00.000Z",
      title: "Where things stand tonight",
      paragraphs: [
        "To sum up the day: the asylum claim was refused, he may stay in Norway for the time being, and his lawyer has not yet said whether they will challenge the refusal.",
        "That is the end of our live coverage for today. Thank you for following along.",
      ],
      keyEvent: true,
      summary: true,
    },
  ] satisfies LiveUpdateSeed[],
};
