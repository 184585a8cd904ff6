// countsWithinPage (src/services/articles/page-counts.ts): the counts under a page of articles (an article's mentions
// and comments, a comment's replies) get `articleId IN (the page)`, keeping their own filters; counts of anything
// else, and everything below a relation that leaves the article, stay as they were.
import { describe, expect, it } from "vitest";
import { countsWithinPage } from "../../src/services/articles/page-counts.js";

const ids = ["a1", "a2"];
const visible = { OR: [{ status: "VISIBLE" }, { status: "REMOVED", removedWhileVisible: true }] };

describe("countsWithinPage", () => {
  it("keeps the front page's counts to the page's articles, with their filters", () => {
    const selection = {
      include: {
        bylines: { orderBy: { position: "asc" } },
        comments: {
          where: { parentId: null, ...visible },
          take: 6,
          include: { _count: { select: { replies: { where: { status: "VISIBLE" } } } } },
        },
        _count: { select: { mentions: { where: {} }, comments: { where: { parentId: null, ...visible } } } },
      },
    };
    expect(countsWithinPage(selection, ids)).toEqual({
      include: {
        bylines: { orderBy: { position: "asc" } },
        comments: {
          where: { parentId: null, ...visible },
          take: 6,
          include: {
            _count: { select: { replies: { where: { status: "VISIBLE", articleId: { in: ids } } } } },
          },
        },
        _count: {
          select: {
            mentions: { where: { articleId: { in: ids } } },
            comments: { where: { parentId: null, ...visible, articleId: { in: ids } } },
          },
        },
      },
    });
    // the selection it was given is left alone
    expect(selection.include._count.select.mentions).toEqual({ where: {} });
  });

  it("counts `true` as an unfiltered count, and leaves other relations' counts and subtrees alone", () => {
    const selection = {
      select: {
        id: true,
        _count: { select: { mentions: true, bylines: true } },
        // a person's mentions are of every article: nothing below a relation that leaves the article is scoped
        bylines: { select: { person: { select: { _count: { select: { mentions: true } } } } } },
      },
    };
    expect(countsWithinPage(selection, ids)).toEqual({
      select: {
        id: true,
        _count: { select: { mentions: { where: { articleId: { in: ids } } }, bylines: true } },
        bylines: { select: { person: { select: { _count: { select: { mentions: true } } } } } },
      },
    });
  });
});
