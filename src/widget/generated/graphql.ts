/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What happened to a comment. */
export type CommentEventKind =
  /** It was posted. */
  | 'ADDED'
  /** Its author's account was deleted and the comment anonymised. */
  | 'AUTHOR_CHANGED'
  /** Its author changed its text. */
  | 'EDITED'
  /** A moderator featured it (a staff pick) or took it off the featured list. */
  | 'FEATURE_CHANGED'
  /** A reader flagged it (moderators only). */
  | 'FLAGGED'
  /** Someone added or took back a reaction. */
  | 'REACTIONS_CHANGED'
  /** It was deleted; it stays in its thread as removed. */
  | 'REMOVED'
  /** A moderator or a rule changed its status (approved, rejected, held for review). */
  | 'STATUS_CHANGED';

/** How to order a list of comments. */
export type CommentOrder =
  /** Most reactions first, then newest. */
  | 'MOST_REACTIONS'
  /** Most direct replies first, then newest. */
  | 'MOST_REPLIES'
  /** Newest first. */
  | 'NEWEST'
  /** Oldest first. */
  | 'OLDEST';

/** Where a comment stands in moderation. */
export type CommentStatus =
  /** Waiting for a moderator: shown only to its author and to moderators. */
  | 'PENDING'
  /** Turned down by a moderator: shown only to its author and to moderators. */
  | 'REJECTED'
  /** Deleted by its author or removed by a moderator. */
  | 'REMOVED'
  /** Shown to everyone. */
  | 'VISIBLE';

/** Why a reader reports a comment. */
export type FlagReason =
  /** Insults, harassment or hate. */
  | 'ABUSE'
  /** States falsehoods as fact. */
  | 'MISINFORMATION'
  /** Nothing to do with the article. */
  | 'OFF_TOPIC'
  /** Something else (say what in the text). */
  | 'OTHER'
  /** Advertising or repeated junk. */
  | 'SPAM';

/** What made a moderation decision. */
export type ModerationRule =
  /** The text contains a banned word (detail: the word). */
  | 'BANNED_WORD'
  /** Enough readers flagged it (detail: how many). */
  | 'FLAGS'
  /** A moderator decided (detail: their note). */
  | 'MODERATOR'
  /** The author's account is too new to post without review. */
  | 'NEW_ACCOUNT'
  /** Every comment on this article waits for review. */
  | 'PREMODERATED_ARTICLE'
  /** The text contains a word that needs a second look (detail: the word). */
  | 'SUSPECT_WORD'
  /** The text has more links than allowed (detail: how many). */
  | 'TOO_MANY_LINKS';

/** A new comment. */
export type PostCommentInput = {
  /** The article to comment on. */
  articleId: string;
  /** Plain text, 1–5,000 characters after trimming; markup is stripped. */
  body: string;
  /** Your id for this post (1–100 characters). Retrying with the same id returns the first comment. */
  clientMutationId?: string | null | undefined;
  /** The comment to reply to (a visible comment on the same article). */
  parentId?: string | null | undefined;
};

/** How a reader reacts to a comment. */
export type ReactionKind =
  /** Found it infuriating. */
  | 'ANGRY'
  /** Found it funny. */
  | 'FUNNY'
  /** Learned something from it. */
  | 'INSIGHTFUL'
  /** Agrees or likes it. */
  | 'LIKE'
  /** Found it sad. */
  | 'SAD';

export type WidgetCommentFragment = { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null };

export type WidgetArticleQueryVariables = Exact<{
  slug: string;
}>;


export type WidgetArticleQuery = { article: { id: string, headline: string, commentStreamCursor: string, commentSettings: { open: boolean, premoderated: boolean, closesAt: string | null }, featuredComments: Array<{ id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null }> } | null, viewer: { id: string, displayName: string, standing: { banned: boolean, suspendedUntil: string | null, warning: string | null } | null } | null };

export type WidgetThreadQueryVariables = Exact<{
  slug: string;
  first: number;
  after?: string | null | undefined;
  replies: number;
  orderBy?: CommentOrder | null | undefined;
}>;


export type WidgetThreadQuery = { article: { commentCount: number, comments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, replies: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } }> }, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } }> } } | null };

export type WidgetRepliesQueryVariables = Exact<{
  commentId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type WidgetRepliesQuery = { comment: { id: string, replyCount: number, replies: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } }> } } | null };

export type WidgetStartGuestSessionMutationVariables = Exact<{
  displayName: string;
}>;


export type WidgetStartGuestSessionMutation = { startGuestSession: { token: string, expiresAt: string, account: { id: string, displayName: string } } };

export type WidgetPostCommentMutationVariables = Exact<{
  input: PostCommentInput;
}>;


export type WidgetPostCommentMutation = { postComment: { editableForSeconds: number | null, id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } };

export type WidgetMineQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type WidgetMineQuery = { nodes: Array<
    | { id: string, viewerReactions: Array<ReactionKind>, editableForSeconds: number | null }
    | Record<PropertyKey, never>
   | null> };

export type WidgetFlagMutationVariables = Exact<{
  id: string;
  reason: FlagReason;
  text?: string | null | undefined;
}>;


export type WidgetFlagMutation = { flagComment: { id: string } };

export type WidgetReactMutationVariables = Exact<{
  commentId: string;
  kind: ReactionKind;
}>;


export type WidgetReactMutation = { reactToComment: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } };

export type WidgetUnreactMutationVariables = Exact<{
  commentId: string;
  kind: ReactionKind;
}>;


export type WidgetUnreactMutation = { removeReaction: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } };

export type WidgetEditMutationVariables = Exact<{
  id: string;
  body: string;
}>;


export type WidgetEditMutation = { editComment: { editableForSeconds: number | null, id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } };

export type WidgetDeleteMutationVariables = Exact<{
  id: string;
}>;


export type WidgetDeleteMutation = { deleteComment: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } };

export type WidgetRenameMutationVariables = Exact<{
  displayName: string;
}>;


export type WidgetRenameMutation = { changeDisplayName: { id: string, displayName: string } };

export type WidgetAcknowledgeWarningMutationVariables = Exact<{ [key: string]: never; }>;


export type WidgetAcknowledgeWarningMutation = { acknowledgeWarning: { id: string } };

export type WidgetCommentEventsSubscriptionVariables = Exact<{
  articleId: string;
  after?: string | null | undefined;
}>;


export type WidgetCommentEventsSubscription = { commentEvents: { kind: CommentEventKind, cursor: string, sequence: number, comment: { id: string, body: string | null, status: CommentStatus, removed: boolean, depth: number, createdAt: string, editedAt: string | null, threadId: string, replyCount: number, featured: boolean, reactionCount: number, reactions: Array<{ kind: ReactionKind, count: number }>, author: { id: string, displayName: string }, parent: { id: string } | null, moderation: Array<{ status: CommentStatus, note: string | null, reasons: Array<{ rule: ModerationRule, detail: string | null }> }> | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const WidgetCommentFragmentDoc = new TypedDocumentString(`
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}
    `, {"fragmentName":"WidgetComment"}) as unknown as TypedDocumentString<WidgetCommentFragment, unknown>;
export const WidgetArticleDocument = new TypedDocumentString(`
    query WidgetArticle($slug: String!) {
  article(slug: $slug) {
    id
    headline
    commentStreamCursor
    commentSettings {
      open
      premoderated
      closesAt
    }
    featuredComments {
      ...WidgetComment
    }
  }
  viewer {
    id
    displayName
    standing {
      banned
      suspendedUntil
      warning
    }
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetArticleQuery, WidgetArticleQueryVariables>;
export const WidgetThreadDocument = new TypedDocumentString(`
    query WidgetThread($slug: String!, $first: Int!, $after: String, $replies: Int!, $orderBy: CommentOrder) {
  article(slug: $slug) {
    commentCount
    comments(first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...WidgetComment
          replies(first: $replies) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                ...WidgetComment
              }
            }
          }
        }
      }
    }
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetThreadQuery, WidgetThreadQueryVariables>;
export const WidgetRepliesDocument = new TypedDocumentString(`
    query WidgetReplies($commentId: ID!, $first: Int!, $after: String) {
  comment(id: $commentId) {
    id
    replyCount
    replies(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...WidgetComment
        }
      }
    }
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetRepliesQuery, WidgetRepliesQueryVariables>;
export const WidgetStartGuestSessionDocument = new TypedDocumentString(`
    mutation WidgetStartGuestSession($displayName: String!) {
  startGuestSession(displayName: $displayName) {
    token
    expiresAt
    account {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetStartGuestSessionMutation, WidgetStartGuestSessionMutationVariables>;
export const WidgetPostCommentDocument = new TypedDocumentString(`
    mutation WidgetPostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    ...WidgetComment
    editableForSeconds
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetPostCommentMutation, WidgetPostCommentMutationVariables>;
export const WidgetMineDocument = new TypedDocumentString(`
    query WidgetMine($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Comment {
      id
      viewerReactions
      editableForSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetMineQuery, WidgetMineQueryVariables>;
export const WidgetFlagDocument = new TypedDocumentString(`
    mutation WidgetFlag($id: ID!, $reason: FlagReason!, $text: String) {
  flagComment(id: $id, reason: $reason, text: $text) {
    id
  }
}
    `) as unknown as TypedDocumentString<WidgetFlagMutation, WidgetFlagMutationVariables>;
export const WidgetReactDocument = new TypedDocumentString(`
    mutation WidgetReact($commentId: ID!, $kind: ReactionKind!) {
  reactToComment(commentId: $commentId, kind: $kind) {
    ...WidgetComment
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetReactMutation, WidgetReactMutationVariables>;
export const WidgetUnreactDocument = new TypedDocumentString(`
    mutation WidgetUnreact($commentId: ID!, $kind: ReactionKind!) {
  removeReaction(commentId: $commentId, kind: $kind) {
    ...WidgetComment
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetUnreactMutation, WidgetUnreactMutationVariables>;
export const WidgetEditDocument = new TypedDocumentString(`
    mutation WidgetEdit($id: ID!, $body: String!) {
  editComment(input: {id: $id, body: $body}) {
    ...WidgetComment
    editableForSeconds
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetEditMutation, WidgetEditMutationVariables>;
export const WidgetDeleteDocument = new TypedDocumentString(`
    mutation WidgetDelete($id: ID!) {
  deleteComment(id: $id) {
    ...WidgetComment
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetDeleteMutation, WidgetDeleteMutationVariables>;
export const WidgetRenameDocument = new TypedDocumentString(`
    mutation WidgetRename($displayName: String!) {
  changeDisplayName(displayName: $displayName) {
    id
    displayName
  }
}
    `) as unknown as TypedDocumentString<WidgetRenameMutation, WidgetRenameMutationVariables>;
export const WidgetAcknowledgeWarningDocument = new TypedDocumentString(`
    mutation WidgetAcknowledgeWarning {
  acknowledgeWarning {
    id
  }
}
    `) as unknown as TypedDocumentString<WidgetAcknowledgeWarningMutation, WidgetAcknowledgeWarningMutationVariables>;
export const WidgetCommentEventsDocument = new TypedDocumentString(`
    subscription WidgetCommentEvents($articleId: ID!, $after: String) {
  commentEvents(articleId: $articleId, after: $after) {
    kind
    cursor
    sequence
    comment {
      ...WidgetComment
    }
  }
}
    fragment WidgetComment on Comment {
  id
  body
  status
  removed
  depth
  createdAt
  editedAt
  threadId
  replyCount
  featured
  reactionCount
  reactions {
    kind
    count
  }
  author {
    id
    displayName
  }
  parent {
    id
  }
  moderation {
    status
    note
    reasons {
      rule
      detail
    }
  }
}`) as unknown as TypedDocumentString<WidgetCommentEventsSubscription, WidgetCommentEventsSubscriptionVariables>;