/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var tt=Object.defineProperty;var nt=(e,t,n)=>t in e?tt(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var H=(e,t,n)=>nt(e,typeof t!="symbol"?t+"":t,n);var z=class extends Error{constructor(n,r,o){super(n);H(this,"code",r);H(this,"retryAfter",o)}};function he(e,t){return{async request(n,r){let o=t(),u;try{u=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...o?{authorization:`Bearer ${o}`}:{}},body:JSON.stringify({query:n.toString(),variables:r})})}catch{throw new z("Lede could not be reached. Check your connection and try again.","NETWORK")}let y;try{y=await u.json()}catch{throw new z(`Lede answered ${u.status} without a GraphQL response.`,"NETWORK")}let N=y.errors?.[0];if(N)throw new z(N.message,N.extensions?.code??"INTERNAL_SERVER_ERROR",N.extensions?.retryAfter);if(!y.data)throw new z("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return y.data}}}function d(e,t={},...n){let r=document.createElement(e);t.class&&(r.className=t.class);for(let[o,u]of Object.entries(t.attrs??{}))u!==void 0&&r.setAttribute(o,u);t.text!==void 0&&(r.textContent=t.text);for(let[o,u]of Object.entries(t.on??{}))r.addEventListener(o,u);for(let o of n)o==null||o===!1||r.append(typeof o=="string"?document.createTextNode(o):o);return r}var rt=0;function Y(e){return`lede-c-${e}-${++rt}`}function be(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var we=`
.lede-c{font:inherit;color:inherit;max-width:48rem}
.lede-c *{box-sizing:border-box}
.lede-c-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.lede-c-form{display:grid;gap:.4rem;margin:.5rem 0 1rem}
.lede-c-form textarea{width:100%;min-height:4.5rem;font:inherit;padding:.4rem}
.lede-c-form input{font:inherit;padding:.3rem;max-width:20rem}
.lede-c-form-actions{display:flex;gap:.5rem;align-items:center}
.lede-c button{font:inherit;cursor:pointer}
.lede-c button:focus-visible,.lede-c textarea:focus-visible,.lede-c input:focus-visible{outline:2px solid #1a5fb4;outline-offset:2px}
.lede-c-message{min-height:1.2em;font-size:.9em}
.lede-c > .lede-c-message:empty{display:none}
.lede-c-message[data-kind=error]{color:#a51d2d}
.lede-c-list{list-style:none;margin:0;padding:0}
.lede-c-replies{list-style:none;margin:.5rem 0 0 1.25rem;padding:0 0 0 .75rem;border-left:2px solid #ddd}
.lede-c-comment{margin:0 0 1rem}
.lede-c-meta{font-size:.9em;display:flex;gap:.5rem;flex-wrap:wrap;align-items:baseline}
.lede-c-author{font-weight:600}
.lede-c-body{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
.lede-c-removed .lede-c-body{font-style:italic;opacity:.7}
.lede-c-badge{font-size:.8em;padding:0 .35rem;border-radius:.25rem;background:#fdf0c4;color:#5c4400}
.lede-c-badge[data-status=REJECTED]{background:#f8d7da;color:#6b1a22}
.lede-c-reasons{font-size:.85em;margin:.1rem 0}
.lede-c-link{background:none;border:none;padding:0;color:#1a5fb4;text-decoration:underline}
.lede-c-live{font-size:.8em;opacity:.75}
.lede-c-actions{display:flex;gap:.75rem;flex-wrap:wrap}
.lede-c-standing{border:1px solid #e0b400;background:#fff8db;padding:.25rem .5rem;margin:.5rem 0}
`;var G=class extends String{constructor(n,r){super(n);H(this,"__apiType");H(this,"value");H(this,"__meta__");this.value=n,this.__meta__=r}toString(){return this.value}},Et=new G(`
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
    `,{fragmentName:"WidgetComment"}),ae=new G(`
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
}`),xe=new G(`
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
}`),Ce=new G(`
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
}`),ve=new G(`
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
    `),ue=new G(`
    mutation WidgetPostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    ...WidgetComment
    editableUntil
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
}`),Ee=new G(`
    query WidgetMine($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Comment {
      id
      viewerReactions
      editableUntil
    }
  }
}
    `),Se=new G(`
    mutation WidgetFlag($id: ID!, $reason: FlagReason!, $text: String) {
  flagComment(id: $id, reason: $reason, text: $text) {
    id
  }
}
    `),Te=new G(`
    mutation WidgetReact($commentId: ID!) {
  reactToComment(commentId: $commentId, kind: LIKE) {
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
}`),Ae=new G(`
    mutation WidgetUnreact($commentId: ID!) {
  removeReaction(commentId: $commentId, kind: LIKE) {
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
}`),Re=new G(`
    mutation WidgetEdit($id: ID!, $body: String!) {
  editComment(input: {id: $id, body: $body}) {
    ...WidgetComment
    editableUntil
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
}`),Ne=new G(`
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
}`),ke=new G(`
    mutation WidgetRename($displayName: String!) {
  changeDisplayName(displayName: $displayName) {
    id
    displayName
  }
}
    `),Ie=new G(`
    mutation WidgetAcknowledgeWarning {
  acknowledgeWarning {
    id
  }
}
    `),We=new G(`
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
}`);var De={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."};function J(e){return e instanceof z?e.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${e.retryAfter??3} s and try again.`):e.code==="FORBIDDEN"?new Error(e.message||"You cannot comment here."):e:new Error("Something went wrong. Please try again.")}function me(e){return e.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":e.status==="REJECTED"?"Your comment was not published.":"Your comment is posted."}var ot=[["ABUSE","Abusive, insulting or hateful"],["SPAM","Spam or advertising"],["OFF_TOPIC","Off topic"],["MISINFORMATION","States falsehoods as fact"],["OTHER","Something else"]];function Me(e){let t=new Map,n=(a,l,s={})=>d("button",{class:"lede-c-link",text:a,attrs:{type:"button",...s},on:{click:l}});function r(a,l,s,i,g){let M=d("p",{class:"lede-c-message",attrs:{role:"status"}}),C=Y("name"),W=d("input",{attrs:{id:C,maxlength:"60",autocomplete:"nickname"}}),x=()=>a.replySlot.replaceChildren(),P=d("form",{class:"lede-c-form",attrs:{"aria-label":l,novalidate:""}},...s,e.hasToken()?null:d("div",{},d("label",{text:"Your name",attrs:{for:C}})," ",W),d("div",{class:"lede-c-form-actions"},d("button",{text:i,attrs:{type:"submit"}}),n("Cancel",x)),M);P.addEventListener("keydown",c=>c.key==="Escape"&&x()),P.addEventListener("submit",async c=>{c.preventDefault(),M.dataset.kind="info";try{e.hasToken()||await e.ensureSession(W.value);let S=await g();a.replySlot.replaceChildren(d("p",{class:"lede-c-message",attrs:{role:"status"},text:S}))}catch(S){M.dataset.kind="error",M.textContent=J(S).message}}),a.replySlot.replaceChildren(P),P.querySelector("select, textarea, input")?.focus()}function o(a){let l=Y("reason"),s=Y("note"),i=d("select",{attrs:{id:l}},...ot.map(([M,C])=>d("option",{text:C,attrs:{value:M}}))),g=d("input",{attrs:{id:s,maxlength:"500"}});r(a,`Report the comment by ${a.data.author.displayName}`,[d("label",{text:"Why are you reporting this comment?",attrs:{for:l}}),i,d("label",{text:"Anything to add? (needed for “Something else”)",attrs:{for:s}}),g],"Send report",async()=>(await e.api.request(Se,{id:a.data.id,reason:i.value,text:g.value||null}),"Thank you. The moderators will look at it."))}function u(a){let l=Y("edit"),s=d("textarea",{attrs:{id:l,maxlength:"5000"}});s.value=a.data.body??"",r(a,"Edit your comment",[d("label",{text:"Your comment",attrs:{for:l}}),s],"Save",async()=>{let{editComment:i}=await e.api.request(Re,{id:a.data.id,body:s.value});return t.set(i.id,{liked:t.get(i.id)?.liked??!1,editableUntil:i.editableUntil??null}),e.update(i),"Your comment is updated."})}function y(a){r(a,"Delete your comment",[d("p",{text:"Delete this comment? This cannot be undone."})],"Delete",async()=>(e.update((await e.api.request(Ne,{id:a.data.id})).deleteComment),"Your comment is deleted."))}async function N(a){if(!e.hasToken()){r(a,"Give a name to react",[],"Like",async()=>(await A(a,!0),"Liked."));return}await A(a,!t.get(a.data.id)?.liked).catch(l=>a.replySlot.replaceChildren(d("p",{class:"lede-c-message",attrs:{"data-kind":"error"},text:J(l).message})))}async function A(a,l){let s={commentId:a.data.id},i=l?(await e.api.request(Te,s)).reactToComment:(await e.api.request(Ae,s)).removeReaction;t.set(i.id,{liked:l,editableUntil:t.get(i.id)?.editableUntil??null}),e.update(i)}return{decorate(a,l){let s=a.data,i=e.viewerId()!==null&&s.author.id===e.viewerId(),g=t.get(s.id);s.status==="VISIBLE"&&(l.append(n(`Like (${s.reactionCount})`,()=>{N(a)},{"aria-pressed":g?.liked?"true":"false","aria-label":`Like the comment by ${s.author.displayName} (${s.reactionCount} reactions)`})),i||l.append(n("Report",()=>o(a),{"aria-label":`Report the comment by ${s.author.displayName}`}))),i&&(g?.editableUntil&&new Date(g.editableUntil)>new Date&&s.status!=="REJECTED"&&l.append(n("Edit",()=>u(a))),l.append(n("Delete",()=>y(a))))},async loadMine(a){if(!e.hasToken()||a.length===0)return;let{nodes:l}=await e.api.request(Ee,{ids:a.slice(-100)}).catch(()=>({nodes:[]}));for(let s of l){if(!s||!("viewerReactions"in s))continue;t.set(s.id,{liked:s.viewerReactions.includes("LIKE"),editableUntil:s.editableUntil??null});let i=e.shown(s.id);i&&e.update(i)}},rememberPosted(a,l){t.set(a,{liked:!1,editableUntil:l??null})}}}function se(e){let t=Y("body"),n=Y("name"),r=Y("message"),o=d("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":r}}),u=d("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),y=d("div",{},d("label",{text:"Your name",attrs:{for:n}})," ",u),N=d("button",{text:e.submitLabel,attrs:{type:"submit"}}),A=d("div",{class:"lede-c-message",attrs:{id:r,role:"status","aria-live":"polite"}}),a=e.cancel?d("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,l=d("form",{class:"lede-c-form",attrs:{novalidate:""}},y,d("label",{text:e.label,attrs:{for:t}}),o,d("div",{class:"lede-c-form-actions"},N,a),A),s=(M,C="info")=>{A.dataset.kind=C,A.textContent=M},i=()=>{y.hidden=!e.askName(),u.required=e.askName()},g=!1;return l.addEventListener("submit",M=>{if(M.preventDefault(),g)return;let C=o.value.trim(),W=u.value.trim();if(e.askName()&&!W){s("Please enter your name.","error"),u.focus();return}if(!C){s("Please write a comment first.","error"),o.focus();return}g=!0,N.disabled=!0,l.setAttribute("aria-busy","true"),s("Posting…"),e.submit(C,W).then(()=>{o.value="",i()},x=>{s(x.message,"error"),o.focus()}).finally(()=>{g=!1,N.disabled=!1,l.removeAttribute("aria-busy")})}),o.addEventListener("keydown",M=>{M.key==="Enter"&&(M.ctrlKey||M.metaKey)&&l.requestSubmit(),M.key==="Escape"&&e.cancel&&e.cancel()}),i(),{form:l,focus:()=>(e.askName()&&!u.value?u:o).focus(),message:s,refresh:i}}function Le(e){let t=null;function n(o){if(!t)return;let{view:u}=t;u.replySlot.replaceChildren(),t=null,o&&u.replyButton.focus()}function r(o){n(!1);let u=se({label:`Your reply to ${o.data.author.displayName}`,submitLabel:"Post reply",askName:e.askName,cancel:()=>n(!0),async submit(y,N){let A=await e.post(y,N,o.data.id);n(!0),e.posted(A)}});o.replySlot.replaceChildren(u.form),t={view:o,composer:u},u.focus()}return{open:r,close:n}}function B(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ee(e){return B(e)==="object"}function it(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function pe(e,t){return e.length<124?e:t}var Oe="graphql-transport-ws";var Q=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Q||{}),K=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(K||{});function Pe(e){if(!ee(e))throw new Error(`Message is expected to be an object, but got ${B(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${B(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${B(e.payload.query)}`);if(e.payload.variables!=null&&!ee(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${B(e.payload.variables)}`);if(e.payload.operationName!=null&&B(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${B(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ee(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${B(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!it(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function $e(e,t){return Pe(typeof e=="string"?JSON.parse(e,t):e)}function ne(e,t){return Pe(e),JSON.stringify(e,t)}function _e(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:o=console.error,lazyCloseTimeout:u=0,keepAlive:y=0,disablePong:N,connectionAckWaitTimeout:A=0,retryAttempts:a=5,retryWait:l=async function(R){let f=Math.pow(2,R);await new Promise(w=>setTimeout(w,f*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:s=ge,on:i,webSocketImpl:g,generateID:M=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,R=>{let f=Math.random()*16|0;return(R=="x"?f:f&3|8).toString(16)})},jsonMessageReplacer:C,jsonMessageReviver:W}=e,x;if(g){if(!st(g))throw new Error("Invalid WebSocket implementation provided");x=g}else typeof WebSocket<"u"?x=WebSocket:typeof global<"u"?x=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(x=window.WebSocket||window.MozWebSocket);if(!x)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let P=x,c=(()=>{let m=(()=>{let f={};return{on(w,D){return f[w]=D,()=>{delete f[w]}},emit(w){"id"in w&&f[w.id]?.(w)}}})(),R={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[m.emit,i.message]:[m.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:m.on,on(f,w){let D=R[f];return D.push(w),()=>{let L=D.indexOf(w);L>-1&&D.splice(L,1)}},emit(f,...w){for(let D of[...R[f]])D(...w)}}})();function S(m){let R=[c.on("error",f=>{R.forEach(w=>w()),m(f)}),c.on("closed",f=>{R.forEach(w=>w()),m(f)})];return()=>R.forEach(f=>f())}let U,$=0,v,k=!1,b=0,I=!1;async function F(){clearTimeout(v);let[m,R]=await(U??(U=new Promise((D,L)=>(async()=>{if(k){if(await l(b),!$)return U=void 0,L({code:1e3,reason:"All Subscriptions Gone"});b++}c.emit("connecting",k);let E=new P(typeof t=="function"?await t():t,Oe),q,X;function p(){isFinite(y)&&y>0&&(clearTimeout(X),X=setTimeout(()=>{E.readyState===P.OPEN&&(E.send(ne({type:K.Ping})),c.emit("ping",!1,void 0))},y))}S(T=>{U=void 0,clearTimeout(q),clearTimeout(X),L(T),T instanceof de&&(E.close(4499,"Terminated"),E.onerror=null,E.onclose=null)}),E.onerror=T=>c.emit("error",T),E.onclose=T=>c.emit("closed",T),E.onopen=async()=>{try{c.emit("opened",E);let T=typeof n=="function"?await n():n;if(E.readyState!==P.OPEN)return;E.send(ne(T?{type:K.ConnectionInit,payload:T}:{type:K.ConnectionInit},C)),isFinite(A)&&A>0&&(q=setTimeout(()=>{E.close(Q.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},A)),p()}catch(T){c.emit("error",T),E.close(Q.InternalClientError,pe(T instanceof Error?T.message:String(T),"Internal client error"))}};let h=!1;E.onmessage=({data:T})=>{try{let O=$e(T,W);if(c.emit("message",O),O.type==="ping"||O.type==="pong"){c.emit(O.type,!0,O.payload),O.type==="pong"?p():N||(E.send(ne(O.payload?{type:K.Pong,payload:O.payload}:{type:K.Pong},C)),c.emit("pong",!1,O.payload));return}if(h)return;if(O.type!==K.ConnectionAck)throw new Error(`First message cannot be of type ${O.type}`);clearTimeout(q),h=!0,c.emit("connected",E,O.payload,k),k=!1,b=0;let Z=new Promise((le,re)=>S(re));Z.catch(()=>{}),D([E,Z])}catch(O){E.onmessage=null,c.emit("error",O),E.close(Q.BadResponse,pe(O instanceof Error?O.message:String(O),"Bad response"))}}})())));m.readyState===P.CLOSING&&await R;let f=()=>{},w=new Promise(D=>f=D);return[m,f,new Promise((D,L)=>{let E=S(L);m.readyState!==P.OPEN&&R.catch(L),w.then(()=>{if(E(),!$){let q=()=>m.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(v),v=setTimeout(()=>{!$&&m.readyState===P.OPEN&&q()},u)):q()}D()})})]}function _(m){if(ge(m)&&(at(m.code)||[Q.InternalServerError,Q.InternalClientError,Q.BadRequest,Q.BadResponse,Q.Unauthorized,Q.SubprotocolNotAcceptable,Q.SubscriberAlreadyExists,Q.TooManyInitialisationRequests].includes(m.code)))throw m;if(I)return!1;if(ge(m)&&m.code===1e3)return $>0;if(!a||b>=a||!s(m))throw m;return k=!0}r||(async()=>{for($++;;)try{let[,,m]=await F();await m}catch(m){try{if(!_(m))return}catch(R){return o?.(R)}}})();function V(m,R){let f=M(m),w=!1,D=!1,L=()=>{$--,w=!0};return(async()=>{for($++;;)try{let[E,q,X]=await F();if(w)return X.catch(()=>{}),q();let p=c.onMessage(f,h=>{switch(h.type){case K.Next:{R.next(h.payload);return}case K.Error:{D=!0,w=!0,R.error(h.payload),L();return}case K.Complete:{w=!0,L();return}}});E.send(ne({id:f,type:K.Subscribe,payload:m},C)),L=()=>{!w&&E.readyState===P.OPEN&&E.send(ne({id:f,type:K.Complete},C)),$--,w=!0,q()},await X.finally(p);return}catch(E){if(!_(E))return}})().then(()=>{D||R.complete()}).catch(E=>{R.error(E)}),()=>{w||L()}}return{on:c.on,subscribe:V,iterate(m){let R=[],f={done:!1,error:null,resolve:()=>{}},w=V(m,{next(L){R.push(L),f.resolve()},error(L){f.done=!0,f.error=L,f.resolve()},complete(){f.done=!0,f.resolve()}}),D=(async function*(){for(;;){for(R.length||await new Promise(E=>f.resolve=E);R.length;)yield R.shift();if(f.error)throw f.error;if(f.done)return}})();return D.throw=async L=>(f.done||(f.done=!0,f.error=L,f.resolve()),{done:!0,value:void 0}),D.return=async()=>(w(),{done:!0,value:void 0}),D},async dispose(){if(I=!0,U){let[m]=await U;m.close(1e3,"Normal Closure")}},terminate(){U&&c.emit("closed",new de)}}}var de=class extends Error{constructor(){super(...arguments);H(this,"name","TerminatedCloseEvent");H(this,"message","4499: Terminated");H(this,"code",4499);H(this,"reason","Terminated");H(this,"wasClean",!1)}};function ge(e){return ee(e)&&"code"in e&&"reason"in e}function at(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function st(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ve(e){return typeof e=="object"&&e!==null}var Ue="x-graphql-event-stream-token";function qe(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function Fe(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var te;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(te||(te={}));function He(){let e,t,n,r=!1,o={event:"",data:""},u=[],y=new TextDecoder;return function(A){if(e===void 0)e=A,t=0,n=-1;else{let s=new Uint8Array(e.length+A.length);s.set(e),s.set(A,e.length),e=s}let a=e.length,l=0;for(;t<a;){r&&(e[t]===te.NewLine&&(l=++t),r=!1);let s=-1;for(;t<a&&s===-1;++t)switch(e[t]){case te.Colon:n===-1&&(n=t-l);break;case te.CarriageReturn:r=!0;case te.NewLine:s=t;break}if(s===-1)break;if(l===s){if(o.event||o.data){if(!o.event)throw new Error("Missing message event");let i=qe(o.event),g=Fe(i,o.data);u.push({event:i,data:g}),o={event:"",data:""}}}else if(n>0){let i=e.subarray(l,s),g=y.decode(i.subarray(0,n)),M=n+(i[n+1]===te.Space?2:1),C=y.decode(i.subarray(M));switch(g){case"event":o.event=C;break;case"data":o.data=o.data?o.data+`
`+C:C;break}}l=t,n=-1}if(l===a){e=void 0;let s=[...u];return u=[],s}else l!==0&&(e=e.subarray(l),t-=l)}}function Be(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:r=0,onNonLazyError:o=console.error,generateID:u=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,k=>{let b=Math.random()*16|0;return(k=="x"?b:b&3|8).toString(16)})},retryAttempts:y=5,retry:N=async function(k){let b=1e3;for(let I=0;I<k;I++)b*=2;await new Promise(I=>setTimeout(I,b+Math.floor(Math.random()*2700+300)))},credentials:A="same-origin",referrer:a,referrerPolicy:l,onMessage:s,on:i}=e,g=e.fetchFn||fetch,M=e.abortControllerImpl||AbortController,C=(()=>{let v=!1,k=[];return{get disposed(){return v},onDispose(b){return v?(setTimeout(()=>b(),0),()=>{}):(k.push(b),()=>{k.splice(k.indexOf(b),1)})},dispose(){if(!v){v=!0;for(let b of[...k])b()}}}})(),W,x,P=0,c=null,S=0;async function U(){try{if(C.disposed)throw new Error("Client has been disposed");return await(x??(x=(async()=>{var v,k,b;if(c){if(await N(S),W.signal.aborted)throw new Error("Connection aborted by the client");S++}(v=i?.connecting)===null||v===void 0||v.call(i,!!c),W=new M;let I=C.onDispose(()=>W.abort());W.signal.addEventListener("abort",()=>{I(),x=void 0});let F=e,_=typeof F.url=="function"?await F.url(void 0):F.url;if(W.signal.aborted)throw new Error("Connection aborted by the client");let V=typeof F.headers=="function"?await F.headers(void 0):(k=F.headers)!==null&&k!==void 0?k:{};if(W.signal.aborted)throw new Error("Connection aborted by the client");let m;try{m=await g(_,{signal:W.signal,method:"PUT",credentials:A,referrer:a,referrerPolicy:l,headers:V})}catch(w){throw new j(w)}if(m.status!==201)throw new j(m);let R=await m.text();V[Ue]=R;let f=await Ge({signal:W.signal,headers:V,credentials:A,referrer:a,referrerPolicy:l,url:_,fetchFn:g,onMessage:w=>{var D;(D=i?.message)===null||D===void 0||D.call(i,w),s?.(w)}});return(b=i?.connected)===null||b===void 0||b.call(i,!!c),f.waitForThrow().catch(()=>x=void 0),f})()))}catch(v){throw x=void 0,v}}t&&!n&&(async()=>{for(P++;;)try{let{waitForThrow:v}=await U();await v()}catch(v){if(C.disposed)return;if(!(v instanceof j)||(x=void 0,!y||S>=y))return o?.(v);c=v}})();function $(v,k,b){if(!t){let _=new M,V=C.onDispose(()=>{V(),_.abort()});return(async()=>{var m,R,f,w,D;let L=null,E=0;for(;;)try{if(L){if(await N(E),_.signal.aborted)throw new Error("Connection aborted by the client");E++}(m=i?.connecting)===null||m===void 0||m.call(i,!!L),(R=b?.connecting)===null||R===void 0||R.call(b,!!L);let q=e,X=typeof q.url=="function"?await q.url(v):q.url;if(_.signal.aborted)throw new Error("Connection aborted by the client");let p=typeof q.headers=="function"?await q.headers(v):(f=q.headers)!==null&&f!==void 0?f:{};if(_.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:h}=await Ge({signal:_.signal,headers:{...p,"content-type":"application/json; charset=utf-8"},credentials:A,referrer:a,referrerPolicy:l,url:X,body:JSON.stringify(v),fetchFn:g,onMessage:T=>{var O,Z;(O=i?.message)===null||O===void 0||O.call(i,T),(Z=b?.message)===null||Z===void 0||Z.call(b,T),s?.(T)}});(w=i?.connected)===null||w===void 0||w.call(i,!!L),(D=b?.connected)===null||D===void 0||D.call(b,!!L);for await(let T of h())L=null,E=0,k.next(T);return _.abort()}catch(q){if(_.signal.aborted)return;if(!(q instanceof j)||!y||E>=y)throw q;L=q}})().then(()=>k.complete()).catch(m=>k.error(m)),()=>_.abort()}P++;let I=new M,F=C.onDispose(()=>{F(),I.abort()});return(async()=>{let _=u();v={...v,extensions:{...v.extensions,operationId:_}};let V=null;for(;;){V=null;try{let{url:m,headers:R,getResults:f}=await U(),w;try{w=await g(m,{signal:I.signal,method:"POST",credentials:A,referrer:a,referrerPolicy:l,headers:{...R,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(v)})}catch(D){throw new j(D)}if(w.status!==202)throw new j(w);V=async()=>{let D;try{let L=new M,E=C.onDispose(()=>{E(),L.abort()});D=await g(m+"?operationId="+_,{signal:L.signal,method:"DELETE",credentials:A,referrer:a,referrerPolicy:l,headers:R})}catch(L){throw new j(L)}if(D.status!==200)throw new j(D)};for await(let D of f({signal:I.signal,operationId:_}))c=null,S=0,k.next(D);return V=null,I.abort()}catch(m){if(I.signal.aborted)return await V?.();if(!(m instanceof j)||(n&&(x=void 0),!y||S>=y))throw I.abort(),m;c=m}finally{I.signal.aborted&&--P===0&&(isFinite(r)&&r>0?setTimeout(()=>{P||W.abort()},r):W.abort())}}})().then(()=>k.complete()).catch(_=>k.error(_)),()=>I.abort()}return{subscribe:$,iterate(v,k){let b=[],I={done:!1,error:null,resolve:()=>{}},F=$(v,{next(V){b.push(V),I.resolve()},error(V){I.done=!0,I.error=V,I.resolve()},complete(){I.done=!0,I.resolve()}},k),_=(async function*(){for(;;){for(b.length||await new Promise(m=>I.resolve=m);b.length;)yield b.shift();if(I.error)throw I.error;if(I.done)return}})();return _.throw=async V=>(I.done||(I.done=!0,I.error=V,I.resolve()),{done:!0,value:void 0}),_.return=async()=>(F(),{done:!0,value:void 0}),_},dispose(){C.dispose()}}}var j=class extends Error{constructor(t){let n,r;dt(t)?(r=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=r}};function dt(e){return Ve(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Ge(e){let{signal:t,url:n,credentials:r,headers:o,body:u,referrer:y,referrerPolicy:N,fetchFn:A,onMessage:a}=e,l={},s={},i;try{i=await A(n,{signal:t,method:u?"POST":"GET",credentials:r,referrer:y,referrerPolicy:N,headers:{...o,accept:"text/event-stream"},body:u})}catch(C){throw new j(C)}if(!i.ok)throw new j(i);if(!i.body)throw new Error("Missing response body");let g=null,M;return(async()=>{var C;try{let W=He();for await(let x of lt(i.body)){if(typeof x=="string")throw g=new Error(`Unexpected string chunk "${x}"`);let P;try{P=W(x)}catch(c){throw g=c}if(P)for(let c of P){try{a?.(c)}catch(U){throw g=U}let S=c.data&&"id"in c.data?c.data.id:"";switch(S in s||(s[S]=[]),c.event){case"next":S?s[S].push(c.data.payload):s[S].push(c.data);break;case"complete":s[S].push("complete");break;default:throw g=new Error(`Unexpected message event "${c.event}"`)}(C=l[S])===null||C===void 0||C.proceed()}}if(Object.keys(l).length)throw new Error("Connection closed while having active streams")}catch(W){!g&&Object.keys(l).length?g=new j(W):g=W,M?.(g)}finally{Object.values(l).forEach(({proceed:W})=>W())}})(),{url:n,headers:o,waitForThrow:()=>new Promise((C,W)=>{if(g)return W(g);M=W}),async*getResults(C){var W;let{signal:x,operationId:P=""}=C??{};try{for(;;){for(;!((W=s[P])===null||W===void 0)&&W.length;){let c=s[P].shift();if(c==="complete")return;yield c}if(g)throw g;if(x?.aborted)throw new Error("Getting results aborted by the client");await new Promise(c=>{let S=()=>{x?.removeEventListener("abort",S),delete l[P],c()};x?.addEventListener("abort",S),l[P]={proceed:S}})}}finally{delete s[P]}}}}function lt(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var ct=2,ut=1e4,mt=5e3;function je(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",r=!1,o=0,u=0,y=null,N,A=!1,a=c=>e.onState(c,n),l=()=>({query:We.toString(),variables:{articleId:e.articleId,after:t}});function s(){if(clearTimeout(N),A)return;if(!navigator.onLine){a("offline");return}a(u===0?"connecting":"reconnecting");let c=!1,S={next($){if(c)return;let v=$.errors?.[0];if(v)return i(String(v.extensions?.code??"INTERNAL_SERVER_ERROR"),v.message);let k=$.data?.commentEvents;k&&(u=0,t=k.cursor,e.onEvent(k))},error($){if(c)return;if(c=!0,Array.isArray($)){let k=$[0];return i(k?.extensions?.code??"INTERNAL_SERVER_ERROR",k?.message??"refused")}if($?.code===4403)return i("UNAUTHENTICATED","The sign-in token is not valid");g()},complete(){c||(c=!0,g())}},U=n==="ws"?C(S):W(S);y=()=>{c=!0,U()}}function i(c,S){M(),a("stopped"),e.onRefused(c,S)}function g(){if(M(),A||(n==="ws"&&!r&&e.transport==="auto"&&++o>=ct&&(n="sse"),u++,a(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let c=Math.min(3e4,500*2**Math.min(u-1,6))+Math.random()*500;N=setTimeout(s,c)}function M(){let c=y;y=null,c?.()}function C(c){let S,U=e.token(),$=_e({url:e.endpoint.replace(/^http/,"ws"),connectionParams:U?{authorization:`Bearer ${U}`}:{},lazy:!0,retryAttempts:0,keepAlive:ut,on:{connected:()=>{r=!0,a("live")},ping:k=>{k||(S=setTimeout(()=>$.terminate(),mt))},pong:k=>{k&&clearTimeout(S)},closed:()=>clearTimeout(S)}}),v=$.subscribe(l(),c);return()=>{clearTimeout(S),v(),$.dispose()}}function W(c){let S=e.token(),U=Be({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>S?{authorization:`Bearer ${S}`}:{},on:{connected:()=>a("live")}}),$=U.subscribe(l(),c);return()=>{$(),U.dispose()}}let x=()=>{M(),clearTimeout(N),a("offline")},P=()=>{A||(M(),u=0,s())};return addEventListener("offline",x),addEventListener("online",P),s(),{cursor:()=>t,close(){A=!0,clearTimeout(N),removeEventListener("offline",x),removeEventListener("online",P),M(),a("stopped")}}}function Qe(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let r=n;try{let o=localStorage.getItem(t);o&&(r=JSON.parse(o))}catch{}return!r||typeof r.token!="string"||Date.parse(r.expiresAt)<=Date.now()?null:r},save(r){n=r;try{localStorage.setItem(t,JSON.stringify(r))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var pt={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},gt=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),ie=class{constructor(t,n){H(this,"list",t);H(this,"hooks",n);H(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}clear(){this.list.replaceChildren(),this.views.clear()}appendPage(t){for(let n of t){let r=this.views.get(n.id)??this.create(n);r.item.isConnected||this.list.append(r.item),n.replies&&this.appendReplies(r,n.replies)}}appendReplies(t,n){let r=t.replies.querySelector(":scope > [data-live]");for(let{node:o}of n.edges){let u=this.views.get(o.id)??this.create(o);u.item.isConnected||t.replies.insertBefore(u.item,r)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let r=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!r)return"ignored";let o=this.create(t);return o.item.dataset.live="",r?(r.replies.append(o.item),r.data={...r.data,replyCount:r.data.replyCount+1}):this.list.prepend(o.item),"added"}create(t){let n=d("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),r={data:t,item:d("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:d("div"),replyButton:d("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:d("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return r.replyButton.addEventListener("click",()=>this.hooks.reply(r)),r.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(r)),this.views.set(t.id,r),this.fill(r),r}fill(t){let n=t.data,r=`lede-c-author-${n.id}`,o=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,u=d("div",{class:"lede-c-meta"},d("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:r}}),d("time",{text:gt.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?d("span",{text:"(edited)"}):null,n.featured&&!n.removed?d("span",{class:"lede-c-badge",attrs:{"data-featured":""},text:"Staff pick"}):null,o?d("span",{class:"lede-c-badge",attrs:{"data-status":o},text:o==="PENDING"?"Awaiting moderation":"Not published"}):null),y=d("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),N=n.moderation?.at(-1),A=o&&N?d("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(N.reasons.length?`: ${N.reasons.map(l=>pt[l.rule]??l.rule.toLowerCase()).join("; ")}.`:".")+(N.note?` ${N.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed);let a=d("div",{class:"lede-c-actions"},t.replyButton);n.removed||this.hooks.decorate(t,a),t.item.replaceChildren(d("article",{attrs:{"aria-labelledby":r}},u,y,A,a,t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,r=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||r===0,t.moreReplies.textContent=r===1?"Show 1 more reply":`Show ${r} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};function Ke(){return d("select",{attrs:{"aria-label":"Order comments by"}},...[["NEWEST","Newest first"],["OLDEST","Oldest first"],["MOST_REACTIONS","Most reactions"]].map(([t,n])=>d("option",{attrs:{value:t},text:n})))}var fe=(e,t)=>d("button",{class:"lede-c-link",text:e,attrs:{type:"button"},on:{click:t}});function ze(e,t,n,r){let o=ft(t),u=r&&n?o.nameControl(n.displayName,y=>n.displayName=y):null;e.replaceChildren(...[o.standingNotice(n?.standing),u].filter(y=>y!==null))}function ft(e){let t={api:e};return{standingNotice(n){if(!n)return null;let r=d("div",{class:"lede-c-standing",attrs:{role:"alert"}});if(n.banned?r.append(d("p",{text:"Your account is banned: you can no longer post, react or report."})):n.suspendedUntil&&r.append(d("p",{text:`Your account is suspended until ${new Date(n.suspendedUntil).toLocaleString()}: you cannot post, react or report until then.`})),n.warning){let o=fe("I understand",()=>{t.api.request(Ie,{}).then(()=>r.remove(),()=>{})});r.append(d("p",{text:`A moderator warned you: ${n.warning}`}),o)}return r.childElementCount>0?r:null},nameControl(n,r){let o=Y("rename"),u=d("p",{class:"lede-c-as"}),y=A=>u.replaceChildren(`Commenting as ${A} `,fe("Change name",()=>N(A))),N=A=>{let a=d("input",{attrs:{id:o,maxlength:"60",value:A}}),l=d("form",{class:"lede-c-form-actions",attrs:{"aria-label":"Change your name"}},d("label",{text:"Your name",attrs:{for:o}}),a,d("button",{text:"Save name",attrs:{type:"submit"}}),fe("Cancel",()=>y(A)));l.addEventListener("submit",async s=>{s.preventDefault();try{let{changeDisplayName:i}=await t.api.request(ke,{displayName:a.value});r(i.displayName),y(i.displayName)}catch(i){u.append(d("span",{attrs:{role:"alert"},text:` ${J(i).message}`}))}}),u.replaceChildren(l),a.focus()};return y(n),u}}}var Ye=!1;function Je(e,t){Ye||(document.head.append(d("style",{text:we,attrs:{"data-lede-comments-styles":""}})),Ye=!0);let n=t.pageSize??10,r=Qe(t.endpoint),o=t.token??r.load()?.token??null,u=null,y=null,N=null,A=-1,a=null,l=0,s=0,i=new Map,g=he(t.endpoint,()=>o),M=d("h2",{text:"Comments"}),C=d("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),W=d("p",{class:"lede-c-live"}),x=d("p",{class:"lede-c-message",attrs:{role:"status"}}),P=d("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),c=d("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),S=d("div"),U=d("div"),$=Ke(),v=d("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}}),k=d("label",{},"Sort: ",$);v.append(M,U,S,x,W,k,P,c,C),e.replaceChildren(v),e.dataset.ledeState="loading";let b=new ie(P,{viewerId:()=>u?.id??null,canReply:()=>y?.commentSettings.open??!1,reply:p=>f.open(p),loadReplies:p=>{L(p)},decorate:(p,h)=>I.decorate(p,h)}),I=Me({api:g,viewerId:()=>u?.id??null,hasToken:()=>o!==null,ensureSession:p=>V(p),update:p=>{b.upsert(p)},shown:p=>b.views.get(p)?.data}),F=p=>M.textContent=p===1?"1 comment":`${p} comments`,_=p=>{C.textContent="",setTimeout(()=>C.textContent=p,50)};async function V(p){if(o)return;let{startGuestSession:h}=await g.request(ve,{displayName:p});o=h.token,u={id:h.account.id,displayName:h.account.displayName,standing:null},D(),r.save({token:o,expiresAt:h.expiresAt}),q()}async function m(p,h,T){try{await V(h);let O=`${T??""}
${p}`,Z=i.get(O)??be();i.set(O,Z);let le={articleId:y.id,body:p,parentId:T,clientMutationId:Z},re;try{re=await g.request(ue,{input:le})}catch(ce){if(!(ce instanceof z)||ce.code!=="NETWORK")throw ce;re=await g.request(ue,{input:le})}let oe=re.postComment;return I.rememberPosted(oe.id,oe.editableUntil),i.delete(O),b.upsert(oe)==="added"&&oe.status==="VISIBLE"&&F(++l),oe}catch(O){throw O instanceof z&&O.code==="UNAUTHENTICATED"&&!t.token?(r.clear(),o=null,u=null,R.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):J(O)}}let R=se({label:"Your comment",submitLabel:"Post comment",askName:()=>!o,async submit(p,h){let T=await m(p,h);R.message(me(T))}}),f=Le({askName:()=>!o,post:(p,h,T)=>m(p,h,T),posted:p=>R.message(me(p).replace("comment","reply"))});async function w(){let p=await g.request(xe,{slug:t.article,first:n,after:a,replies:3,orderBy:$.value}),h=p.article?.comments;h&&(a||b.appendPage(y?.featuredComments??[]),l=p.article.commentCount,F(l),b.appendPage(h.edges.map(T=>T.node)),a=h.pageInfo.endCursor??null,c.hidden=!h.pageInfo.hasNextPage,I.loadMine([...b.views.keys()]))}let D=()=>ze(U,g,u,!t.token&&o!==null);$.addEventListener("change",()=>{b.clear(),a=null,w().catch(p=>x.textContent=J(p).message)});async function L(p){p.moreReplies.disabled=!0;try{let h=await g.request(Ce,{commentId:p.data.id,first:20,after:p.repliesCursor});h.comment&&b.appendReplies(p,h.comment.replies),I.loadMine(h.comment?.replies.edges.map(T=>T.node.id)??[])}catch(h){x.textContent=J(h).message}finally{p.moreReplies.disabled=!1}}function E(p){N=je({endpoint:t.endpoint,articleId:y.id,after:p,token:()=>o,transport:t.transport??"auto",onState(h,T){e.dataset.liveState=h,e.dataset.liveTransport=T,W.textContent=De[h]},onEvent(h){if(h.sequence<=A)return;A=h.sequence;let T=b.upsert(h.comment),O=u!==null&&h.comment.author.id===u.id;T==="added"&&h.comment.status==="VISIBLE"&&F(++l),T==="hidden"&&F(Math.max(0,--l)),T==="added"&&!O&&_(ie.describe(h.comment))},onRefused(h,T){if(h==="UNAUTHENTICATED"&&!t.token&&o){r.clear(),o=null,u=null,R.refresh(),E(N.cursor());return}if(h==="BAD_USER_INPUT"&&s++<3){g.request(ae,{slug:t.article}).then(O=>{A=-1,O.article&&E(O.article.commentStreamCursor)},()=>W.textContent=`Live updates stopped: ${T}`);return}W.textContent=`Live updates stopped: ${T}`}})}function q(){if(!N)return;let p=N.cursor();N.close(),E(p)}c.addEventListener("click",()=>{c.disabled=!0,w().catch(p=>x.textContent=J(p).message).finally(()=>c.disabled=!1)});async function X(){let p;try{p=await g.request(ae,{slug:t.article})}catch(h){if(!(h instanceof z&&h.code==="UNAUTHENTICATED")||t.token)throw h;r.clear(),o=null,p=await g.request(ae,{slug:t.article})}if(!p.article){x.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}y=p.article,u=p.viewer??null,D(),y.commentSettings.open?(S.append(R.form),R.refresh()):S.append(d("p",{text:"Comments on this article are closed."})),E(y.commentStreamCursor),await w(),e.dataset.ledeState="ready"}return X().catch(p=>{x.textContent=`Comments could not be loaded: ${J(p).message}`,e.dataset.ledeState="error"}),{destroy(){N?.close(),e.replaceChildren()}}}var Xe="__LEDE_GRAPHQL_PATH__",yt=Xe.startsWith("/")?Xe:"/graphql",ht=document.currentScript?.src,Ze=new WeakSet;function bt(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??ht??location.href,r=e.dataset.transport;return{article:t,endpoint:new URL(yt,n).toString(),token:e.dataset.token||null,transport:r==="ws"||r==="sse"?r:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function et(e){if(Ze.has(e)||e.dataset.ledeState)return null;let t=bt(e);return t?(Ze.add(e),Je(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function ye(){for(let e of document.querySelectorAll("[data-lede-comments]"))et(e)}window.LedeComments={mount:et,mountAll:ye};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ye):ye();})();
