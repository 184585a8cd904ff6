/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var tt=Object.defineProperty;var nt=(e,t,n)=>t in e?tt(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var U=(e,t,n)=>nt(e,typeof t!="symbol"?t+"":t,n);var Y=class extends Error{constructor(n,o,i){super(n);U(this,"code",o);U(this,"retryAfter",i)}};function he(e,t){return{async request(n,o){let i=t(),c;try{c=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...i?{authorization:`Bearer ${i}`}:{}},body:JSON.stringify({query:n.toString(),variables:o})})}catch{throw new Y("Lede could not be reached. Check your connection and try again.","NETWORK")}let h;try{h=await c.json()}catch{throw new Y(`Lede answered ${c.status} without a GraphQL response.`,"NETWORK")}let N=h.errors?.[0];if(N)throw new Y(N.message,N.extensions?.code??"INTERNAL_SERVER_ERROR",N.extensions?.retryAfter);if(!h.data)throw new Y("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return h.data}}}function s(e,t={},...n){let o=document.createElement(e);t.class&&(o.className=t.class);for(let[i,c]of Object.entries(t.attrs??{}))c!==void 0&&o.setAttribute(i,c);t.text!==void 0&&(o.textContent=t.text);for(let[i,c]of Object.entries(t.on??{}))o.addEventListener(i,c);for(let i of n)i==null||i===!1||o.append(typeof i=="string"?document.createTextNode(i):i);return o}var rt=0;function z(e){return`lede-c-${e}-${++rt}`}function be(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var we=`
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
`;var G=class extends String{constructor(n,o){super(n);U(this,"__apiType");U(this,"value");U(this,"__meta__");this.value=n,this.__meta__=o}toString(){return this.value}},Et=new G(`
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
}`),Se=new G(`
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
}`),ve=new G(`
    query WidgetMine($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Comment {
      id
      viewerReactions
      editableForSeconds
    }
  }
}
    `),Ee=new G(`
    mutation WidgetFlag($id: ID!, $reason: FlagReason!, $text: String) {
  flagComment(id: $id, reason: $reason, text: $text) {
    id
  }
}
    `),Re=new G(`
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
}`),Te=new G(`
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
}`),Ae=new G(`
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
}`),ke=new G(`
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
}`),Ne=new G(`
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
    `),De=new G(`
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
}`);var We={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."};function J(e){return e instanceof Y?e.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${e.retryAfter??3} s and try again.`):e.code==="FORBIDDEN"?new Error(e.message||"You cannot comment here."):e:new Error("Something went wrong. Please try again.")}function me(e){return e.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":e.status==="REJECTED"?"Your comment was not published.":"Your comment is posted."}var ot=[["ABUSE","Abusive, insulting or hateful"],["SPAM","Spam or advertising"],["OFF_TOPIC","Off topic"],["MISINFORMATION","States falsehoods as fact"],["OTHER","Something else"]],it=[["LIKE","Like"],["INSIGHTFUL","Insightful"],["FUNNY","Funny"],["SAD","Sad"],["ANGRY","Angry"]];function Me(e){let t=new Map,n=a=>a?performance.now()+a*1e3:null,o=(a,l,r={})=>s("button",{class:"lede-c-link",text:a,attrs:{type:"button",...r},on:{click:l}});function i(a,l,r,u,S){let g=s("p",{class:"lede-c-message",attrs:{role:"status"}}),w=z("name"),y=s("input",{attrs:{id:w,maxlength:"60",autocomplete:"nickname"}}),P=()=>a.replySlot.replaceChildren(),d=s("form",{class:"lede-c-form",attrs:{"aria-label":l,novalidate:""}},...r,e.hasToken()?null:s("div",{},s("label",{text:"Your name",attrs:{for:w}})," ",y),s("div",{class:"lede-c-form-actions"},s("button",{text:u,attrs:{type:"submit"}}),o("Cancel",P)),g);d.addEventListener("keydown",T=>T.key==="Escape"&&P()),d.addEventListener("submit",async T=>{T.preventDefault(),g.dataset.kind="info";try{e.hasToken()||await e.ensureSession(y.value);let _=await S();a.replySlot.replaceChildren(s("p",{class:"lede-c-message",attrs:{role:"status"},text:_}))}catch(_){g.dataset.kind="error",g.textContent=J(_).message}}),a.replySlot.replaceChildren(d),d.querySelector("select, textarea, input")?.focus()}function c(a){let l=z("reason"),r=z("note"),u=s("select",{attrs:{id:l}},...ot.map(([g,w])=>s("option",{text:w,attrs:{value:g}}))),S=s("input",{attrs:{id:r,maxlength:"500"}});i(a,`Report the comment by ${a.data.author.displayName}`,[s("label",{text:"Why are you reporting this comment?",attrs:{for:l}}),u,s("label",{text:"Anything to add? (needed for “Something else”)",attrs:{for:r}}),S],"Send report",async()=>(await e.api.request(Ee,{id:a.data.id,reason:u.value,text:S.value||null}),"Thank you. The moderators will look at it."))}function h(a){let l=z("edit"),r=s("textarea",{attrs:{id:l,maxlength:"5000"}});r.value=a.data.body??"",i(a,"Edit your comment",[s("label",{text:"Your comment",attrs:{for:l}}),r],"Save",async()=>{let{editComment:u}=await e.api.request(Ae,{id:a.data.id,body:r.value});return t.set(u.id,{reacted:t.get(u.id)?.reacted??[],editDeadline:n(u.editableForSeconds)}),e.update(u),"Your comment is updated."})}function N(a){i(a,"Delete your comment",[s("p",{text:"Delete this comment? This cannot be undone."})],"Delete",async()=>(e.update((await e.api.request(ke,{id:a.data.id})).deleteComment),"Your comment is deleted."))}async function I(a,l,r){if(!e.hasToken()){i(a,"Give a name to react",[],r,async()=>(await R(a,l,!0),"Thank you for reacting."));return}let u=!t.get(a.data.id)?.reacted.includes(l);await R(a,l,u).catch(S=>a.replySlot.replaceChildren(s("p",{class:"lede-c-message",attrs:{"data-kind":"error"},text:J(S).message})))}async function R(a,l,r){let u={commentId:a.data.id,kind:l},S=r?(await e.api.request(Re,u)).reactToComment:(await e.api.request(Te,u)).removeReaction,g=t.get(S.id),w=(g?.reacted??[]).filter(y=>y!==l);t.set(S.id,{reacted:r?[...w,l]:w,editDeadline:g?.editDeadline??null}),e.update(S)}return{decorate(a,l){let r=a.data,u=e.viewerId()!==null&&r.author.id===e.viewerId(),S=t.get(r.id);if(r.status==="VISIBLE"){for(let[g,w]of it){let y=r.reactions.find(d=>d.kind===g)?.count??0,P=g==="LIKE"?"Like the comment":`React “${w}” to the comment`;l.append(o(`${w} (${y})`,()=>{I(a,g,w)},{"aria-pressed":S?.reacted.includes(g)?"true":"false","aria-label":`${P} by ${r.author.displayName} (${y})`}))}u||l.append(o("Report",()=>c(a),{"aria-label":`Report the comment by ${r.author.displayName}`}))}u&&(S?.editDeadline&&S.editDeadline>performance.now()&&r.status!=="REJECTED"&&l.append(o("Edit",()=>h(a))),l.append(o("Delete",()=>N(a))))},async loadMine(a){if(!e.hasToken()||a.length===0)return;let{nodes:l}=await e.api.request(ve,{ids:a.slice(-100)}).catch(()=>({nodes:[]}));for(let r of l){if(!r||!("viewerReactions"in r))continue;t.set(r.id,{reacted:r.viewerReactions,editDeadline:n(r.editableForSeconds)});let u=e.shown(r.id);u&&e.update(u)}},rememberPosted(a,l){t.set(a,{reacted:[],editDeadline:n(l)})}}}function se(e){let t=z("body"),n=z("name"),o=z("message"),i=s("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":o}}),c=s("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),h=s("div",{},s("label",{text:"Your name",attrs:{for:n}})," ",c),N=s("button",{text:e.submitLabel,attrs:{type:"submit"}}),I=s("div",{class:"lede-c-message",attrs:{id:o,role:"status","aria-live":"polite"}}),R=e.cancel?s("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,a=s("form",{class:"lede-c-form",attrs:{novalidate:""}},h,s("label",{text:e.label,attrs:{for:t}}),i,s("div",{class:"lede-c-form-actions"},N,R),I),l=(S,g="info")=>{I.dataset.kind=g,I.textContent=S},r=()=>{h.hidden=!e.askName(),c.required=e.askName()},u=!1;return a.addEventListener("submit",S=>{if(S.preventDefault(),u)return;let g=i.value.trim(),w=c.value.trim();if(e.askName()&&!w){l("Please enter your name.","error"),c.focus();return}if(!g){l("Please write a comment first.","error"),i.focus();return}u=!0,N.disabled=!0,a.setAttribute("aria-busy","true"),l("Posting…"),e.submit(g,w).then(()=>{i.value="",r()},y=>{l(y.message,"error"),i.focus()}).finally(()=>{u=!1,N.disabled=!1,a.removeAttribute("aria-busy")})}),i.addEventListener("keydown",S=>{S.key==="Enter"&&(S.ctrlKey||S.metaKey)&&a.requestSubmit(),S.key==="Escape"&&e.cancel&&e.cancel()}),r(),{form:a,focus:()=>(e.askName()&&!c.value?c:i).focus(),message:l,refresh:r}}function Le(e){let t=null;function n(i){if(!t)return;let{view:c}=t;c.replySlot.replaceChildren(),t=null,i&&c.replyButton.focus()}function o(i){n(!1);let c=se({label:`Your reply to ${i.data.author.displayName}`,submitLabel:"Post reply",askName:e.askName,cancel:()=>n(!0),async submit(h,N){let I=await e.post(h,N,i.data.id);n(!0),e.posted(I)}});i.replySlot.replaceChildren(c.form),t={view:i,composer:c},c.focus()}return{open:o,close:n}}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ee(e){return K(e)==="object"}function at(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function pe(e,t){return e.length<124?e:t}var Oe="graphql-transport-ws";var j=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(j||{}),Q=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Q||{});function Pe(e){if(!ee(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!ee(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ee(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!at(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function $e(e,t){return Pe(typeof e=="string"?JSON.parse(e,t):e)}function ne(e,t){return Pe(e),JSON.stringify(e,t)}function _e(e){let{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:c=0,keepAlive:h=0,disablePong:N,connectionAckWaitTimeout:I=0,retryAttempts:R=5,retryWait:a=async function(k){let f=Math.pow(2,k);await new Promise(C=>setTimeout(C,f*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:l=ge,on:r,webSocketImpl:u,generateID:S=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,k=>{let f=Math.random()*16|0;return(k=="x"?f:f&3|8).toString(16)})},jsonMessageReplacer:g,jsonMessageReviver:w}=e,y;if(u){if(!dt(u))throw new Error("Invalid WebSocket implementation provided");y=u}else typeof WebSocket<"u"?y=WebSocket:typeof global<"u"?y=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(y=window.WebSocket||window.MozWebSocket);if(!y)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let P=y,d=(()=>{let m=(()=>{let f={};return{on(C,M){return f[C]=M,()=>{delete f[C]}},emit(C){"id"in C&&f[C.id]?.(C)}}})(),k={connecting:r?.connecting?[r.connecting]:[],opened:r?.opened?[r.opened]:[],connected:r?.connected?[r.connected]:[],ping:r?.ping?[r.ping]:[],pong:r?.pong?[r.pong]:[],message:r?.message?[m.emit,r.message]:[m.emit],closed:r?.closed?[r.closed]:[],error:r?.error?[r.error]:[]};return{onMessage:m.on,on(f,C){let M=k[f];return M.push(C),()=>{let L=M.indexOf(C);L>-1&&M.splice(L,1)}},emit(f,...C){for(let M of[...k[f]])M(...C)}}})();function T(m){let k=[d.on("error",f=>{k.forEach(C=>C()),m(f)}),d.on("closed",f=>{k.forEach(C=>C()),m(f)})];return()=>k.forEach(f=>f())}let _,$=0,v,D=!1,x=0,W=!1;async function H(){clearTimeout(v);let[m,k]=await(_??(_=new Promise((M,L)=>(async()=>{if(D){if(await a(x),!$)return _=void 0,L({code:1e3,reason:"All Subscriptions Gone"});x++}d.emit("connecting",D);let E=new P(typeof t=="function"?await t():t,Oe),q,X;function p(){isFinite(h)&&h>0&&(clearTimeout(X),X=setTimeout(()=>{E.readyState===P.OPEN&&(E.send(ne({type:Q.Ping})),d.emit("ping",!1,void 0))},h))}T(A=>{_=void 0,clearTimeout(q),clearTimeout(X),L(A),A instanceof de&&(E.close(4499,"Terminated"),E.onerror=null,E.onclose=null)}),E.onerror=A=>d.emit("error",A),E.onclose=A=>d.emit("closed",A),E.onopen=async()=>{try{d.emit("opened",E);let A=typeof n=="function"?await n():n;if(E.readyState!==P.OPEN)return;E.send(ne(A?{type:Q.ConnectionInit,payload:A}:{type:Q.ConnectionInit},g)),isFinite(I)&&I>0&&(q=setTimeout(()=>{E.close(j.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},I)),p()}catch(A){d.emit("error",A),E.close(j.InternalClientError,pe(A instanceof Error?A.message:String(A),"Internal client error"))}};let b=!1;E.onmessage=({data:A})=>{try{let O=$e(A,w);if(d.emit("message",O),O.type==="ping"||O.type==="pong"){d.emit(O.type,!0,O.payload),O.type==="pong"?p():N||(E.send(ne(O.payload?{type:Q.Pong,payload:O.payload}:{type:Q.Pong},g)),d.emit("pong",!1,O.payload));return}if(b)return;if(O.type!==Q.ConnectionAck)throw new Error(`First message cannot be of type ${O.type}`);clearTimeout(q),b=!0,d.emit("connected",E,O.payload,D),D=!1,x=0;let Z=new Promise((le,re)=>T(re));Z.catch(()=>{}),M([E,Z])}catch(O){E.onmessage=null,d.emit("error",O),E.close(j.BadResponse,pe(O instanceof Error?O.message:String(O),"Bad response"))}}})())));m.readyState===P.CLOSING&&await k;let f=()=>{},C=new Promise(M=>f=M);return[m,f,new Promise((M,L)=>{let E=T(L);m.readyState!==P.OPEN&&k.catch(L),C.then(()=>{if(E(),!$){let q=()=>m.close(1e3,"Normal Closure");isFinite(c)&&c>0?(clearTimeout(v),v=setTimeout(()=>{!$&&m.readyState===P.OPEN&&q()},c)):q()}M()})})]}function V(m){if(ge(m)&&(st(m.code)||[j.InternalServerError,j.InternalClientError,j.BadRequest,j.BadResponse,j.Unauthorized,j.SubprotocolNotAcceptable,j.SubscriberAlreadyExists,j.TooManyInitialisationRequests].includes(m.code)))throw m;if(W)return!1;if(ge(m)&&m.code===1e3)return $>0;if(!R||x>=R||!l(m))throw m;return D=!0}o||(async()=>{for($++;;)try{let[,,m]=await H();await m}catch(m){try{if(!V(m))return}catch(k){return i?.(k)}}})();function F(m,k){let f=S(m),C=!1,M=!1,L=()=>{$--,C=!0};return(async()=>{for($++;;)try{let[E,q,X]=await H();if(C)return X.catch(()=>{}),q();let p=d.onMessage(f,b=>{switch(b.type){case Q.Next:{k.next(b.payload);return}case Q.Error:{M=!0,C=!0,k.error(b.payload),L();return}case Q.Complete:{C=!0,L();return}}});E.send(ne({id:f,type:Q.Subscribe,payload:m},g)),L=()=>{!C&&E.readyState===P.OPEN&&E.send(ne({id:f,type:Q.Complete},g)),$--,C=!0,q()},await X.finally(p);return}catch(E){if(!V(E))return}})().then(()=>{M||k.complete()}).catch(E=>{k.error(E)}),()=>{C||L()}}return{on:d.on,subscribe:F,iterate(m){let k=[],f={done:!1,error:null,resolve:()=>{}},C=F(m,{next(L){k.push(L),f.resolve()},error(L){f.done=!0,f.error=L,f.resolve()},complete(){f.done=!0,f.resolve()}}),M=(async function*(){for(;;){for(k.length||await new Promise(E=>f.resolve=E);k.length;)yield k.shift();if(f.error)throw f.error;if(f.done)return}})();return M.throw=async L=>(f.done||(f.done=!0,f.error=L,f.resolve()),{done:!0,value:void 0}),M.return=async()=>(C(),{done:!0,value:void 0}),M},async dispose(){if(W=!0,_){let[m]=await _;m.close(1e3,"Normal Closure")}},terminate(){_&&d.emit("closed",new de)}}}var de=class extends Error{constructor(){super(...arguments);U(this,"name","TerminatedCloseEvent");U(this,"message","4499: Terminated");U(this,"code",4499);U(this,"reason","Terminated");U(this,"wasClean",!1)}};function ge(e){return ee(e)&&"code"in e&&"reason"in e}function st(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function dt(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ve(e){return typeof e=="object"&&e!==null}var Fe="x-graphql-event-stream-token";function qe(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function He(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var te;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(te||(te={}));function Ue(){let e,t,n,o=!1,i={event:"",data:""},c=[],h=new TextDecoder;return function(I){if(e===void 0)e=I,t=0,n=-1;else{let l=new Uint8Array(e.length+I.length);l.set(e),l.set(I,e.length),e=l}let R=e.length,a=0;for(;t<R;){o&&(e[t]===te.NewLine&&(a=++t),o=!1);let l=-1;for(;t<R&&l===-1;++t)switch(e[t]){case te.Colon:n===-1&&(n=t-a);break;case te.CarriageReturn:o=!0;case te.NewLine:l=t;break}if(l===-1)break;if(a===l){if(i.event||i.data){if(!i.event)throw new Error("Missing message event");let r=qe(i.event),u=He(r,i.data);c.push({event:r,data:u}),i={event:"",data:""}}}else if(n>0){let r=e.subarray(a,l),u=h.decode(r.subarray(0,n)),S=n+(r[n+1]===te.Space?2:1),g=h.decode(r.subarray(S));switch(u){case"event":i.event=g;break;case"data":i.data=i.data?i.data+`
`+g:g;break}}a=t,n=-1}if(a===R){e=void 0;let l=[...c];return c=[],l}else a!==0&&(e=e.subarray(a),t-=a)}}function Ke(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:o=0,onNonLazyError:i=console.error,generateID:c=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,D=>{let x=Math.random()*16|0;return(D=="x"?x:x&3|8).toString(16)})},retryAttempts:h=5,retry:N=async function(D){let x=1e3;for(let W=0;W<D;W++)x*=2;await new Promise(W=>setTimeout(W,x+Math.floor(Math.random()*2700+300)))},credentials:I="same-origin",referrer:R,referrerPolicy:a,onMessage:l,on:r}=e,u=e.fetchFn||fetch,S=e.abortControllerImpl||AbortController,g=(()=>{let v=!1,D=[];return{get disposed(){return v},onDispose(x){return v?(setTimeout(()=>x(),0),()=>{}):(D.push(x),()=>{D.splice(D.indexOf(x),1)})},dispose(){if(!v){v=!0;for(let x of[...D])x()}}}})(),w,y,P=0,d=null,T=0;async function _(){try{if(g.disposed)throw new Error("Client has been disposed");return await(y??(y=(async()=>{var v,D,x;if(d){if(await N(T),w.signal.aborted)throw new Error("Connection aborted by the client");T++}(v=r?.connecting)===null||v===void 0||v.call(r,!!d),w=new S;let W=g.onDispose(()=>w.abort());w.signal.addEventListener("abort",()=>{W(),y=void 0});let H=e,V=typeof H.url=="function"?await H.url(void 0):H.url;if(w.signal.aborted)throw new Error("Connection aborted by the client");let F=typeof H.headers=="function"?await H.headers(void 0):(D=H.headers)!==null&&D!==void 0?D:{};if(w.signal.aborted)throw new Error("Connection aborted by the client");let m;try{m=await u(V,{signal:w.signal,method:"PUT",credentials:I,referrer:R,referrerPolicy:a,headers:F})}catch(C){throw new B(C)}if(m.status!==201)throw new B(m);let k=await m.text();F[Fe]=k;let f=await Ge({signal:w.signal,headers:F,credentials:I,referrer:R,referrerPolicy:a,url:V,fetchFn:u,onMessage:C=>{var M;(M=r?.message)===null||M===void 0||M.call(r,C),l?.(C)}});return(x=r?.connected)===null||x===void 0||x.call(r,!!d),f.waitForThrow().catch(()=>y=void 0),f})()))}catch(v){throw y=void 0,v}}t&&!n&&(async()=>{for(P++;;)try{let{waitForThrow:v}=await _();await v()}catch(v){if(g.disposed)return;if(!(v instanceof B)||(y=void 0,!h||T>=h))return i?.(v);d=v}})();function $(v,D,x){if(!t){let V=new S,F=g.onDispose(()=>{F(),V.abort()});return(async()=>{var m,k,f,C,M;let L=null,E=0;for(;;)try{if(L){if(await N(E),V.signal.aborted)throw new Error("Connection aborted by the client");E++}(m=r?.connecting)===null||m===void 0||m.call(r,!!L),(k=x?.connecting)===null||k===void 0||k.call(x,!!L);let q=e,X=typeof q.url=="function"?await q.url(v):q.url;if(V.signal.aborted)throw new Error("Connection aborted by the client");let p=typeof q.headers=="function"?await q.headers(v):(f=q.headers)!==null&&f!==void 0?f:{};if(V.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:b}=await Ge({signal:V.signal,headers:{...p,"content-type":"application/json; charset=utf-8"},credentials:I,referrer:R,referrerPolicy:a,url:X,body:JSON.stringify(v),fetchFn:u,onMessage:A=>{var O,Z;(O=r?.message)===null||O===void 0||O.call(r,A),(Z=x?.message)===null||Z===void 0||Z.call(x,A),l?.(A)}});(C=r?.connected)===null||C===void 0||C.call(r,!!L),(M=x?.connected)===null||M===void 0||M.call(x,!!L);for await(let A of b())L=null,E=0,D.next(A);return V.abort()}catch(q){if(V.signal.aborted)return;if(!(q instanceof B)||!h||E>=h)throw q;L=q}})().then(()=>D.complete()).catch(m=>D.error(m)),()=>V.abort()}P++;let W=new S,H=g.onDispose(()=>{H(),W.abort()});return(async()=>{let V=c();v={...v,extensions:{...v.extensions,operationId:V}};let F=null;for(;;){F=null;try{let{url:m,headers:k,getResults:f}=await _(),C;try{C=await u(m,{signal:W.signal,method:"POST",credentials:I,referrer:R,referrerPolicy:a,headers:{...k,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(v)})}catch(M){throw new B(M)}if(C.status!==202)throw new B(C);F=async()=>{let M;try{let L=new S,E=g.onDispose(()=>{E(),L.abort()});M=await u(m+"?operationId="+V,{signal:L.signal,method:"DELETE",credentials:I,referrer:R,referrerPolicy:a,headers:k})}catch(L){throw new B(L)}if(M.status!==200)throw new B(M)};for await(let M of f({signal:W.signal,operationId:V}))d=null,T=0,D.next(M);return F=null,W.abort()}catch(m){if(W.signal.aborted)return await F?.();if(!(m instanceof B)||(n&&(y=void 0),!h||T>=h))throw W.abort(),m;d=m}finally{W.signal.aborted&&--P===0&&(isFinite(o)&&o>0?setTimeout(()=>{P||w.abort()},o):w.abort())}}})().then(()=>D.complete()).catch(V=>D.error(V)),()=>W.abort()}return{subscribe:$,iterate(v,D){let x=[],W={done:!1,error:null,resolve:()=>{}},H=$(v,{next(F){x.push(F),W.resolve()},error(F){W.done=!0,W.error=F,W.resolve()},complete(){W.done=!0,W.resolve()}},D),V=(async function*(){for(;;){for(x.length||await new Promise(m=>W.resolve=m);x.length;)yield x.shift();if(W.error)throw W.error;if(W.done)return}})();return V.throw=async F=>(W.done||(W.done=!0,W.error=F,W.resolve()),{done:!0,value:void 0}),V.return=async()=>(H(),{done:!0,value:void 0}),V},dispose(){g.dispose()}}}var B=class extends Error{constructor(t){let n,o;lt(t)?(o=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=o}};function lt(e){return Ve(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Ge(e){let{signal:t,url:n,credentials:o,headers:i,body:c,referrer:h,referrerPolicy:N,fetchFn:I,onMessage:R}=e,a={},l={},r;try{r=await I(n,{signal:t,method:c?"POST":"GET",credentials:o,referrer:h,referrerPolicy:N,headers:{...i,accept:"text/event-stream"},body:c})}catch(g){throw new B(g)}if(!r.ok)throw new B(r);if(!r.body)throw new Error("Missing response body");let u=null,S;return(async()=>{var g;try{let w=Ue();for await(let y of ct(r.body)){if(typeof y=="string")throw u=new Error(`Unexpected string chunk "${y}"`);let P;try{P=w(y)}catch(d){throw u=d}if(P)for(let d of P){try{R?.(d)}catch(_){throw u=_}let T=d.data&&"id"in d.data?d.data.id:"";switch(T in l||(l[T]=[]),d.event){case"next":T?l[T].push(d.data.payload):l[T].push(d.data);break;case"complete":l[T].push("complete");break;default:throw u=new Error(`Unexpected message event "${d.event}"`)}(g=a[T])===null||g===void 0||g.proceed()}}if(Object.keys(a).length)throw new Error("Connection closed while having active streams")}catch(w){!u&&Object.keys(a).length?u=new B(w):u=w,S?.(u)}finally{Object.values(a).forEach(({proceed:w})=>w())}})(),{url:n,headers:i,waitForThrow:()=>new Promise((g,w)=>{if(u)return w(u);S=w}),async*getResults(g){var w;let{signal:y,operationId:P=""}=g??{};try{for(;;){for(;!((w=l[P])===null||w===void 0)&&w.length;){let d=l[P].shift();if(d==="complete")return;yield d}if(u)throw u;if(y?.aborted)throw new Error("Getting results aborted by the client");await new Promise(d=>{let T=()=>{y?.removeEventListener("abort",T),delete a[P],d()};y?.addEventListener("abort",T),a[P]={proceed:T}})}}finally{delete l[P]}}}}function ct(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var ut=2,mt=1e4,pt=5e3;function Be(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",o=!1,i=0,c=0,h=null,N,I=!1,R=d=>e.onState(d,n),a=()=>({query:De.toString(),variables:{articleId:e.articleId,after:t}});function l(){if(clearTimeout(N),I)return;if(!navigator.onLine){R("offline");return}R(c===0?"connecting":"reconnecting");let d=!1,T={next($){if(d)return;let v=$.errors?.[0];if(v)return r(String(v.extensions?.code??"INTERNAL_SERVER_ERROR"),v.message);let D=$.data?.commentEvents;D&&(c=0,t=D.cursor,e.onEvent(D))},error($){if(d)return;if(d=!0,Array.isArray($)){let D=$[0];return r(D?.extensions?.code??"INTERNAL_SERVER_ERROR",D?.message??"refused")}if($?.code===4403)return r("UNAUTHENTICATED","The sign-in token is not valid");u()},complete(){d||(d=!0,u())}},_=n==="ws"?g(T):w(T);h=()=>{d=!0,_()}}function r(d,T){S(),R("stopped"),e.onRefused(d,T)}function u(){if(S(),I||(n==="ws"&&!o&&e.transport==="auto"&&++i>=ut&&(n="sse"),c++,R(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let d=Math.min(3e4,500*2**Math.min(c-1,6))+Math.random()*500;N=setTimeout(l,d)}function S(){let d=h;h=null,d?.()}function g(d){let T,_=e.token(),$=_e({url:e.endpoint.replace(/^http/,"ws"),connectionParams:_?{authorization:`Bearer ${_}`}:{},lazy:!0,retryAttempts:0,keepAlive:mt,on:{connected:()=>{o=!0,R("live")},ping:D=>{D||(T=setTimeout(()=>$.terminate(),pt))},pong:D=>{D&&clearTimeout(T)},closed:()=>clearTimeout(T)}}),v=$.subscribe(a(),d);return()=>{clearTimeout(T),v(),$.dispose()}}function w(d){let T=e.token(),_=Ke({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>T?{authorization:`Bearer ${T}`}:{},on:{connected:()=>R("live")}}),$=_.subscribe(a(),d);return()=>{$(),_.dispose()}}let y=()=>{S(),clearTimeout(N),R("offline")},P=()=>{I||(S(),c=0,l())};return addEventListener("offline",y),addEventListener("online",P),l(),{cursor:()=>t,close(){I=!0,clearTimeout(N),removeEventListener("offline",y),removeEventListener("online",P),S(),R("stopped")}}}function je(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let o=n;try{let i=localStorage.getItem(t);i&&(o=JSON.parse(i))}catch{}return!o||typeof o.token!="string"||Date.parse(o.expiresAt)<=Date.now()?null:o},save(o){n=o;try{localStorage.setItem(t,JSON.stringify(o))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var gt={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},ft=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),ie=class{constructor(t,n){U(this,"list",t);U(this,"hooks",n);U(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}clear(){this.list.replaceChildren(),this.views.clear()}appendPage(t){for(let n of t){let o=this.views.get(n.id)??this.create(n);o.item.isConnected||this.list.append(o.item),n.replies&&this.appendReplies(o,n.replies)}}appendReplies(t,n){let o=t.replies.querySelector(":scope > [data-live]");for(let{node:i}of n.edges){let c=this.views.get(i.id)??this.create(i);c.item.isConnected||t.replies.insertBefore(c.item,o)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let o=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!o)return"ignored";let i=this.create(t);return i.item.dataset.live="",o?(o.replies.append(i.item),o.data={...o.data,replyCount:o.data.replyCount+1}):this.list.prepend(i.item),"added"}create(t){let n=s("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),o={data:t,item:s("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:s("div"),replyButton:s("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:s("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return o.replyButton.addEventListener("click",()=>this.hooks.reply(o)),o.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(o)),this.views.set(t.id,o),this.fill(o),o}fill(t){let n=t.data,o=`lede-c-author-${n.id}`,i=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,c=s("div",{class:"lede-c-meta"},s("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:o}}),s("time",{text:ft.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?s("span",{text:"(edited)"}):null,n.featured&&!n.removed?s("span",{class:"lede-c-badge",attrs:{"data-featured":""},text:"Staff pick"}):null,i?s("span",{class:"lede-c-badge",attrs:{"data-status":i},text:i==="PENDING"?"Awaiting moderation":"Not published"}):null),h=s("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),N=n.moderation?.at(-1),I=i&&N?s("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(N.reasons.length?`: ${N.reasons.map(a=>gt[a.rule]??a.rule.toLowerCase()).join("; ")}.`:".")+(N.note?` ${N.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed);let R=s("div",{class:"lede-c-actions"},t.replyButton);n.removed||this.hooks.decorate(t,R),t.item.replaceChildren(s("article",{attrs:{"aria-labelledby":o}},c,h,I,R,t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,o=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||o===0,t.moreReplies.textContent=o===1?"Show 1 more reply":`Show ${o} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};function Qe(){return s("select",{attrs:{"aria-label":"Order comments by"}},...[["NEWEST","Newest first"],["OLDEST","Oldest first"],["MOST_REACTIONS","Most reactions"]].map(([t,n])=>s("option",{attrs:{value:t},text:n})))}var fe=(e,t)=>s("button",{class:"lede-c-link",text:e,attrs:{type:"button"},on:{click:t}});function Ye(e,t,n,o){let i=yt(t),c=o&&n?i.nameControl(n.displayName,h=>n.displayName=h):null;e.replaceChildren(...[i.standingNotice(n?.standing),c].filter(h=>h!==null))}function yt(e){let t={api:e};return{standingNotice(n){if(!n)return null;let o=s("div",{class:"lede-c-standing",attrs:{role:"alert"}});if(n.banned?o.append(s("p",{text:"Your account is banned: you can no longer post, react or report."})):n.suspendedUntil&&o.append(s("p",{text:`Your account is suspended until ${new Date(n.suspendedUntil).toLocaleString()}: you cannot post, react or report until then.`})),n.warning){let i=fe("I understand",()=>{t.api.request(Ie,{}).then(()=>o.remove(),()=>{})});o.append(s("p",{text:`A moderator warned you: ${n.warning}`}),i)}return o.childElementCount>0?o:null},nameControl(n,o){let i=z("rename"),c=s("p",{class:"lede-c-as"}),h=I=>c.replaceChildren(`Commenting as ${I} `,fe("Change name",()=>N(I))),N=I=>{let R=s("input",{attrs:{id:i,maxlength:"60",value:I}}),a=s("form",{class:"lede-c-form-actions",attrs:{"aria-label":"Change your name"}},s("label",{text:"Your name",attrs:{for:i}}),R,s("button",{text:"Save name",attrs:{type:"submit"}}),fe("Cancel",()=>h(I)));a.addEventListener("submit",async l=>{l.preventDefault();try{let{changeDisplayName:r}=await t.api.request(Ne,{displayName:R.value});o(r.displayName),h(r.displayName)}catch(r){c.append(s("span",{attrs:{role:"alert"},text:` ${J(r).message}`}))}}),c.replaceChildren(a),R.focus()};return h(n),c}}}var ze=!1;function Je(e,t){ze||(document.head.append(s("style",{text:we,attrs:{"data-lede-comments-styles":""}})),ze=!0);let n=t.pageSize??10,o=je(t.endpoint),i=t.token??o.load()?.token??null,c=null,h=null,N=null,I=-1,R=null,a=0,l=0,r=new Map,u=he(t.endpoint,()=>i),S=s("h2",{text:"Comments"}),g=s("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),w=s("p",{class:"lede-c-live"}),y=s("p",{class:"lede-c-message",attrs:{role:"status"}}),P=s("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),d=s("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),T=s("div"),_=s("div"),$=Qe(),v=s("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}}),D=s("label",{},"Sort: ",$);v.append(S,_,T,y,w,D,P,d,g),e.replaceChildren(v),e.dataset.ledeState="loading";let x=new ie(P,{viewerId:()=>c?.id??null,canReply:()=>h?.commentSettings.open??!1,reply:p=>f.open(p),loadReplies:p=>{L(p)},decorate:(p,b)=>W.decorate(p,b)}),W=Me({api:u,viewerId:()=>c?.id??null,hasToken:()=>i!==null,ensureSession:p=>F(p),update:p=>{x.upsert(p)},shown:p=>x.views.get(p)?.data}),H=p=>S.textContent=p===1?"1 comment":`${p} comments`,V=p=>{g.textContent="",setTimeout(()=>g.textContent=p,50)};async function F(p){if(i)return;let{startGuestSession:b}=await u.request(Se,{displayName:p});i=b.token,c={id:b.account.id,displayName:b.account.displayName,standing:null},M(),o.save({token:i,expiresAt:b.expiresAt}),q()}async function m(p,b,A){try{await F(b);let O=`${A??""}
${p}`,Z=r.get(O)??be();r.set(O,Z);let le={articleId:h.id,body:p,parentId:A,clientMutationId:Z},re;try{re=await u.request(ue,{input:le})}catch(ce){if(!(ce instanceof Y)||ce.code!=="NETWORK")throw ce;re=await u.request(ue,{input:le})}let oe=re.postComment;return W.rememberPosted(oe.id,oe.editableForSeconds),r.delete(O),x.upsert(oe)==="added"&&oe.status==="VISIBLE"&&H(++a),oe}catch(O){throw O instanceof Y&&O.code==="UNAUTHENTICATED"&&!t.token?(o.clear(),i=null,c=null,k.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):J(O)}}let k=se({label:"Your comment",submitLabel:"Post comment",askName:()=>!i,async submit(p,b){let A=await m(p,b);k.message(me(A))}}),f=Le({askName:()=>!i,post:(p,b,A)=>m(p,b,A),posted:p=>k.message(me(p).replace("comment","reply"))});async function C(){let p=await u.request(xe,{slug:t.article,first:n,after:R,replies:3,orderBy:$.value}),b=p.article?.comments;b&&(R||x.appendPage(h?.featuredComments??[]),a=p.article.commentCount,H(a),x.appendPage(b.edges.map(A=>A.node)),R=b.pageInfo.endCursor??null,d.hidden=!b.pageInfo.hasNextPage,W.loadMine([...x.views.keys()]))}let M=()=>Ye(_,u,c,!t.token&&i!==null);$.addEventListener("change",()=>{x.clear(),R=null,C().catch(p=>y.textContent=J(p).message)});async function L(p){p.moreReplies.disabled=!0;try{let b=await u.request(Ce,{commentId:p.data.id,first:20,after:p.repliesCursor});b.comment&&x.appendReplies(p,b.comment.replies),W.loadMine(b.comment?.replies.edges.map(A=>A.node.id)??[])}catch(b){y.textContent=J(b).message}finally{p.moreReplies.disabled=!1}}function E(p){N=Be({endpoint:t.endpoint,articleId:h.id,after:p,token:()=>i,transport:t.transport??"auto",onState(b,A){e.dataset.liveState=b,e.dataset.liveTransport=A,w.textContent=We[b]},onEvent(b){if(b.sequence<=I)return;I=b.sequence;let A=x.upsert(b.comment),O=c!==null&&b.comment.author.id===c.id;A==="added"&&b.comment.status==="VISIBLE"&&H(++a),A==="hidden"&&H(Math.max(0,--a)),A==="added"&&!O&&V(ie.describe(b.comment))},onRefused(b,A){if(b==="UNAUTHENTICATED"&&!t.token&&i){o.clear(),i=null,c=null,k.refresh(),E(N.cursor());return}if(b==="BAD_USER_INPUT"&&l++<3){u.request(ae,{slug:t.article}).then(O=>{I=-1,O.article&&E(O.article.commentStreamCursor)},()=>w.textContent=`Live updates stopped: ${A}`);return}w.textContent=`Live updates stopped: ${A}`}})}function q(){if(!N)return;let p=N.cursor();N.close(),E(p)}d.addEventListener("click",()=>{d.disabled=!0,C().catch(p=>y.textContent=J(p).message).finally(()=>d.disabled=!1)});async function X(){let p;try{p=await u.request(ae,{slug:t.article})}catch(b){if(!(b instanceof Y&&b.code==="UNAUTHENTICATED")||t.token)throw b;o.clear(),i=null,p=await u.request(ae,{slug:t.article})}if(!p.article){y.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}h=p.article,c=p.viewer??null,M(),h.commentSettings.open?(T.append(k.form),k.refresh()):T.append(s("p",{text:"Comments on this article are closed."})),E(h.commentStreamCursor),await C(),e.dataset.ledeState="ready"}return X().catch(p=>{y.textContent=`Comments could not be loaded: ${J(p).message}`,e.dataset.ledeState="error"}),{destroy(){N?.close(),e.replaceChildren()}}}var Xe="__LEDE_GRAPHQL_PATH__",ht=Xe.startsWith("/")?Xe:"/graphql",bt=document.currentScript?.src,Ze=new WeakSet;function wt(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??bt??location.href,o=e.dataset.transport;return{article:t,endpoint:new URL(ht,n).toString(),token:e.dataset.token||null,transport:o==="ws"||o==="sse"?o:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function et(e){if(Ze.has(e)||e.dataset.ledeState)return null;let t=wt(e);return t?(Ze.add(e),Je(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function ye(){for(let e of document.querySelectorAll("[data-lede-comments]"))et(e)}window.LedeComments={mount:et,mountAll:ye};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ye):ye();})();
