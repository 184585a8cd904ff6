/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var tt=Object.defineProperty;var nt=(e,t,n)=>t in e?tt(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var U=(e,t,n)=>nt(e,typeof t!="symbol"?t+"":t,n);var z=class extends Error{constructor(n,o,i){super(n);U(this,"code",o);U(this,"retryAfter",i)}};function he(e,t){return{async request(n,o){let i=t(),c;try{c=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...i?{authorization:`Bearer ${i}`}:{}},body:JSON.stringify({query:n.toString(),variables:o})})}catch{throw new z("Lede could not be reached. Check your connection and try again.","NETWORK")}let f;try{f=await c.json()}catch{throw new z(`Lede answered ${c.status} without a GraphQL response.`,"NETWORK")}let N=f.errors?.[0];if(N)throw new z(N.message,N.extensions?.code??"INTERNAL_SERVER_ERROR",N.extensions?.retryAfter);if(!f.data)throw new z("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return f.data}}}function s(e,t={},...n){let o=document.createElement(e);t.class&&(o.className=t.class);for(let[i,c]of Object.entries(t.attrs??{}))c!==void 0&&o.setAttribute(i,c);t.text!==void 0&&(o.textContent=t.text);for(let[i,c]of Object.entries(t.on??{}))o.addEventListener(i,c);for(let i of n)i==null||i===!1||o.append(typeof i=="string"?document.createTextNode(i):i);return o}var rt=0;function Y(e){return`lede-c-${e}-${++rt}`}function be(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var we=`
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
      editableForSeconds
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
}`);var We={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."};function J(e){return e instanceof z?e.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${e.retryAfter??3} s and try again.`):e.code==="FORBIDDEN"?new Error(e.message||"You cannot comment here."):e:new Error("Something went wrong. Please try again.")}function me(e){return e.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":e.status==="REJECTED"?"Your comment was not published.":"Your comment is posted."}var ot=[["ABUSE","Abusive, insulting or hateful"],["SPAM","Spam or advertising"],["OFF_TOPIC","Off topic"],["MISINFORMATION","States falsehoods as fact"],["OTHER","Something else"]];function Me(e){let t=new Map,n=a=>a?performance.now()+a*1e3:null,o=(a,l,r={})=>s("button",{class:"lede-c-link",text:a,attrs:{type:"button",...r},on:{click:l}});function i(a,l,r,u,I){let w=s("p",{class:"lede-c-message",attrs:{role:"status"}}),A=Y("name"),x=s("input",{attrs:{id:A,maxlength:"60",autocomplete:"nickname"}}),P=()=>a.replySlot.replaceChildren(),d=s("form",{class:"lede-c-form",attrs:{"aria-label":l,novalidate:""}},...r,e.hasToken()?null:s("div",{},s("label",{text:"Your name",attrs:{for:A}})," ",x),s("div",{class:"lede-c-form-actions"},s("button",{text:u,attrs:{type:"submit"}}),o("Cancel",P)),w);d.addEventListener("keydown",S=>S.key==="Escape"&&P()),d.addEventListener("submit",async S=>{S.preventDefault(),w.dataset.kind="info";try{e.hasToken()||await e.ensureSession(x.value);let _=await I();a.replySlot.replaceChildren(s("p",{class:"lede-c-message",attrs:{role:"status"},text:_}))}catch(_){w.dataset.kind="error",w.textContent=J(_).message}}),a.replySlot.replaceChildren(d),d.querySelector("select, textarea, input")?.focus()}function c(a){let l=Y("reason"),r=Y("note"),u=s("select",{attrs:{id:l}},...ot.map(([w,A])=>s("option",{text:A,attrs:{value:w}}))),I=s("input",{attrs:{id:r,maxlength:"500"}});i(a,`Report the comment by ${a.data.author.displayName}`,[s("label",{text:"Why are you reporting this comment?",attrs:{for:l}}),u,s("label",{text:"Anything to add? (needed for “Something else”)",attrs:{for:r}}),I],"Send report",async()=>(await e.api.request(Se,{id:a.data.id,reason:u.value,text:I.value||null}),"Thank you. The moderators will look at it."))}function f(a){let l=Y("edit"),r=s("textarea",{attrs:{id:l,maxlength:"5000"}});r.value=a.data.body??"",i(a,"Edit your comment",[s("label",{text:"Your comment",attrs:{for:l}}),r],"Save",async()=>{let{editComment:u}=await e.api.request(Re,{id:a.data.id,body:r.value});return t.set(u.id,{liked:t.get(u.id)?.liked??!1,editDeadline:n(u.editableForSeconds)}),e.update(u),"Your comment is updated."})}function N(a){i(a,"Delete your comment",[s("p",{text:"Delete this comment? This cannot be undone."})],"Delete",async()=>(e.update((await e.api.request(Ne,{id:a.data.id})).deleteComment),"Your comment is deleted."))}async function k(a){if(!e.hasToken()){i(a,"Give a name to react",[],"Like",async()=>(await E(a,!0),"Liked."));return}await E(a,!t.get(a.data.id)?.liked).catch(l=>a.replySlot.replaceChildren(s("p",{class:"lede-c-message",attrs:{"data-kind":"error"},text:J(l).message})))}async function E(a,l){let r={commentId:a.data.id},u=l?(await e.api.request(Te,r)).reactToComment:(await e.api.request(Ae,r)).removeReaction;t.set(u.id,{liked:l,editDeadline:t.get(u.id)?.editDeadline??null}),e.update(u)}return{decorate(a,l){let r=a.data,u=e.viewerId()!==null&&r.author.id===e.viewerId(),I=t.get(r.id);r.status==="VISIBLE"&&(l.append(o(`Like (${r.reactionCount})`,()=>{k(a)},{"aria-pressed":I?.liked?"true":"false","aria-label":`Like the comment by ${r.author.displayName} (${r.reactionCount} reactions)`})),u||l.append(o("Report",()=>c(a),{"aria-label":`Report the comment by ${r.author.displayName}`}))),u&&(I?.editDeadline&&I.editDeadline>performance.now()&&r.status!=="REJECTED"&&l.append(o("Edit",()=>f(a))),l.append(o("Delete",()=>N(a))))},async loadMine(a){if(!e.hasToken()||a.length===0)return;let{nodes:l}=await e.api.request(Ee,{ids:a.slice(-100)}).catch(()=>({nodes:[]}));for(let r of l){if(!r||!("viewerReactions"in r))continue;t.set(r.id,{liked:r.viewerReactions.includes("LIKE"),editDeadline:n(r.editableForSeconds)});let u=e.shown(r.id);u&&e.update(u)}},rememberPosted(a,l){t.set(a,{liked:!1,editDeadline:n(l)})}}}function se(e){let t=Y("body"),n=Y("name"),o=Y("message"),i=s("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":o}}),c=s("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),f=s("div",{},s("label",{text:"Your name",attrs:{for:n}})," ",c),N=s("button",{text:e.submitLabel,attrs:{type:"submit"}}),k=s("div",{class:"lede-c-message",attrs:{id:o,role:"status","aria-live":"polite"}}),E=e.cancel?s("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,a=s("form",{class:"lede-c-form",attrs:{novalidate:""}},f,s("label",{text:e.label,attrs:{for:t}}),i,s("div",{class:"lede-c-form-actions"},N,E),k),l=(I,w="info")=>{k.dataset.kind=w,k.textContent=I},r=()=>{f.hidden=!e.askName(),c.required=e.askName()},u=!1;return a.addEventListener("submit",I=>{if(I.preventDefault(),u)return;let w=i.value.trim(),A=c.value.trim();if(e.askName()&&!A){l("Please enter your name.","error"),c.focus();return}if(!w){l("Please write a comment first.","error"),i.focus();return}u=!0,N.disabled=!0,a.setAttribute("aria-busy","true"),l("Posting…"),e.submit(w,A).then(()=>{i.value="",r()},x=>{l(x.message,"error"),i.focus()}).finally(()=>{u=!1,N.disabled=!1,a.removeAttribute("aria-busy")})}),i.addEventListener("keydown",I=>{I.key==="Enter"&&(I.ctrlKey||I.metaKey)&&a.requestSubmit(),I.key==="Escape"&&e.cancel&&e.cancel()}),r(),{form:a,focus:()=>(e.askName()&&!c.value?c:i).focus(),message:l,refresh:r}}function Le(e){let t=null;function n(i){if(!t)return;let{view:c}=t;c.replySlot.replaceChildren(),t=null,i&&c.replyButton.focus()}function o(i){n(!1);let c=se({label:`Your reply to ${i.data.author.displayName}`,submitLabel:"Post reply",askName:e.askName,cancel:()=>n(!0),async submit(f,N){let k=await e.post(f,N,i.data.id);n(!0),e.posted(k)}});i.replySlot.replaceChildren(c.form),t={view:i,composer:c},c.focus()}return{open:o,close:n}}function B(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ee(e){return B(e)==="object"}function it(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function pe(e,t){return e.length<124?e:t}var Oe="graphql-transport-ws";var Q=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Q||{}),K=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(K||{});function Pe(e){if(!ee(e))throw new Error(`Message is expected to be an object, but got ${B(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${B(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${B(e.payload.query)}`);if(e.payload.variables!=null&&!ee(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${B(e.payload.variables)}`);if(e.payload.operationName!=null&&B(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${B(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ee(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${B(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ee(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!it(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function $e(e,t){return Pe(typeof e=="string"?JSON.parse(e,t):e)}function ne(e,t){return Pe(e),JSON.stringify(e,t)}function _e(e){let{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:c=0,keepAlive:f=0,disablePong:N,connectionAckWaitTimeout:k=0,retryAttempts:E=5,retryWait:a=async function(R){let g=Math.pow(2,R);await new Promise(b=>setTimeout(b,g*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:l=ge,on:r,webSocketImpl:u,generateID:I=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,R=>{let g=Math.random()*16|0;return(R=="x"?g:g&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:A}=e,x;if(u){if(!st(u))throw new Error("Invalid WebSocket implementation provided");x=u}else typeof WebSocket<"u"?x=WebSocket:typeof global<"u"?x=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(x=window.WebSocket||window.MozWebSocket);if(!x)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let P=x,d=(()=>{let m=(()=>{let g={};return{on(b,M){return g[b]=M,()=>{delete g[b]}},emit(b){"id"in b&&g[b.id]?.(b)}}})(),R={connecting:r?.connecting?[r.connecting]:[],opened:r?.opened?[r.opened]:[],connected:r?.connected?[r.connected]:[],ping:r?.ping?[r.ping]:[],pong:r?.pong?[r.pong]:[],message:r?.message?[m.emit,r.message]:[m.emit],closed:r?.closed?[r.closed]:[],error:r?.error?[r.error]:[]};return{onMessage:m.on,on(g,b){let M=R[g];return M.push(b),()=>{let L=M.indexOf(b);L>-1&&M.splice(L,1)}},emit(g,...b){for(let M of[...R[g]])M(...b)}}})();function S(m){let R=[d.on("error",g=>{R.forEach(b=>b()),m(g)}),d.on("closed",g=>{R.forEach(b=>b()),m(g)})];return()=>R.forEach(g=>g())}let _,$=0,C,D=!1,h=0,W=!1;async function H(){clearTimeout(C);let[m,R]=await(_??(_=new Promise((M,L)=>(async()=>{if(D){if(await a(h),!$)return _=void 0,L({code:1e3,reason:"All Subscriptions Gone"});h++}d.emit("connecting",D);let v=new P(typeof t=="function"?await t():t,Oe),q,X;function p(){isFinite(f)&&f>0&&(clearTimeout(X),X=setTimeout(()=>{v.readyState===P.OPEN&&(v.send(ne({type:K.Ping})),d.emit("ping",!1,void 0))},f))}S(T=>{_=void 0,clearTimeout(q),clearTimeout(X),L(T),T instanceof de&&(v.close(4499,"Terminated"),v.onerror=null,v.onclose=null)}),v.onerror=T=>d.emit("error",T),v.onclose=T=>d.emit("closed",T),v.onopen=async()=>{try{d.emit("opened",v);let T=typeof n=="function"?await n():n;if(v.readyState!==P.OPEN)return;v.send(ne(T?{type:K.ConnectionInit,payload:T}:{type:K.ConnectionInit},w)),isFinite(k)&&k>0&&(q=setTimeout(()=>{v.close(Q.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},k)),p()}catch(T){d.emit("error",T),v.close(Q.InternalClientError,pe(T instanceof Error?T.message:String(T),"Internal client error"))}};let y=!1;v.onmessage=({data:T})=>{try{let O=$e(T,A);if(d.emit("message",O),O.type==="ping"||O.type==="pong"){d.emit(O.type,!0,O.payload),O.type==="pong"?p():N||(v.send(ne(O.payload?{type:K.Pong,payload:O.payload}:{type:K.Pong},w)),d.emit("pong",!1,O.payload));return}if(y)return;if(O.type!==K.ConnectionAck)throw new Error(`First message cannot be of type ${O.type}`);clearTimeout(q),y=!0,d.emit("connected",v,O.payload,D),D=!1,h=0;let Z=new Promise((le,re)=>S(re));Z.catch(()=>{}),M([v,Z])}catch(O){v.onmessage=null,d.emit("error",O),v.close(Q.BadResponse,pe(O instanceof Error?O.message:String(O),"Bad response"))}}})())));m.readyState===P.CLOSING&&await R;let g=()=>{},b=new Promise(M=>g=M);return[m,g,new Promise((M,L)=>{let v=S(L);m.readyState!==P.OPEN&&R.catch(L),b.then(()=>{if(v(),!$){let q=()=>m.close(1e3,"Normal Closure");isFinite(c)&&c>0?(clearTimeout(C),C=setTimeout(()=>{!$&&m.readyState===P.OPEN&&q()},c)):q()}M()})})]}function V(m){if(ge(m)&&(at(m.code)||[Q.InternalServerError,Q.InternalClientError,Q.BadRequest,Q.BadResponse,Q.Unauthorized,Q.SubprotocolNotAcceptable,Q.SubscriberAlreadyExists,Q.TooManyInitialisationRequests].includes(m.code)))throw m;if(W)return!1;if(ge(m)&&m.code===1e3)return $>0;if(!E||h>=E||!l(m))throw m;return D=!0}o||(async()=>{for($++;;)try{let[,,m]=await H();await m}catch(m){try{if(!V(m))return}catch(R){return i?.(R)}}})();function F(m,R){let g=I(m),b=!1,M=!1,L=()=>{$--,b=!0};return(async()=>{for($++;;)try{let[v,q,X]=await H();if(b)return X.catch(()=>{}),q();let p=d.onMessage(g,y=>{switch(y.type){case K.Next:{R.next(y.payload);return}case K.Error:{M=!0,b=!0,R.error(y.payload),L();return}case K.Complete:{b=!0,L();return}}});v.send(ne({id:g,type:K.Subscribe,payload:m},w)),L=()=>{!b&&v.readyState===P.OPEN&&v.send(ne({id:g,type:K.Complete},w)),$--,b=!0,q()},await X.finally(p);return}catch(v){if(!V(v))return}})().then(()=>{M||R.complete()}).catch(v=>{R.error(v)}),()=>{b||L()}}return{on:d.on,subscribe:F,iterate(m){let R=[],g={done:!1,error:null,resolve:()=>{}},b=F(m,{next(L){R.push(L),g.resolve()},error(L){g.done=!0,g.error=L,g.resolve()},complete(){g.done=!0,g.resolve()}}),M=(async function*(){for(;;){for(R.length||await new Promise(v=>g.resolve=v);R.length;)yield R.shift();if(g.error)throw g.error;if(g.done)return}})();return M.throw=async L=>(g.done||(g.done=!0,g.error=L,g.resolve()),{done:!0,value:void 0}),M.return=async()=>(b(),{done:!0,value:void 0}),M},async dispose(){if(W=!0,_){let[m]=await _;m.close(1e3,"Normal Closure")}},terminate(){_&&d.emit("closed",new de)}}}var de=class extends Error{constructor(){super(...arguments);U(this,"name","TerminatedCloseEvent");U(this,"message","4499: Terminated");U(this,"code",4499);U(this,"reason","Terminated");U(this,"wasClean",!1)}};function ge(e){return ee(e)&&"code"in e&&"reason"in e}function at(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function st(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ve(e){return typeof e=="object"&&e!==null}var Fe="x-graphql-event-stream-token";function qe(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function He(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var te;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(te||(te={}));function Ue(){let e,t,n,o=!1,i={event:"",data:""},c=[],f=new TextDecoder;return function(k){if(e===void 0)e=k,t=0,n=-1;else{let l=new Uint8Array(e.length+k.length);l.set(e),l.set(k,e.length),e=l}let E=e.length,a=0;for(;t<E;){o&&(e[t]===te.NewLine&&(a=++t),o=!1);let l=-1;for(;t<E&&l===-1;++t)switch(e[t]){case te.Colon:n===-1&&(n=t-a);break;case te.CarriageReturn:o=!0;case te.NewLine:l=t;break}if(l===-1)break;if(a===l){if(i.event||i.data){if(!i.event)throw new Error("Missing message event");let r=qe(i.event),u=He(r,i.data);c.push({event:r,data:u}),i={event:"",data:""}}}else if(n>0){let r=e.subarray(a,l),u=f.decode(r.subarray(0,n)),I=n+(r[n+1]===te.Space?2:1),w=f.decode(r.subarray(I));switch(u){case"event":i.event=w;break;case"data":i.data=i.data?i.data+`
`+w:w;break}}a=t,n=-1}if(a===E){e=void 0;let l=[...c];return c=[],l}else a!==0&&(e=e.subarray(a),t-=a)}}function Be(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:o=0,onNonLazyError:i=console.error,generateID:c=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,D=>{let h=Math.random()*16|0;return(D=="x"?h:h&3|8).toString(16)})},retryAttempts:f=5,retry:N=async function(D){let h=1e3;for(let W=0;W<D;W++)h*=2;await new Promise(W=>setTimeout(W,h+Math.floor(Math.random()*2700+300)))},credentials:k="same-origin",referrer:E,referrerPolicy:a,onMessage:l,on:r}=e,u=e.fetchFn||fetch,I=e.abortControllerImpl||AbortController,w=(()=>{let C=!1,D=[];return{get disposed(){return C},onDispose(h){return C?(setTimeout(()=>h(),0),()=>{}):(D.push(h),()=>{D.splice(D.indexOf(h),1)})},dispose(){if(!C){C=!0;for(let h of[...D])h()}}}})(),A,x,P=0,d=null,S=0;async function _(){try{if(w.disposed)throw new Error("Client has been disposed");return await(x??(x=(async()=>{var C,D,h;if(d){if(await N(S),A.signal.aborted)throw new Error("Connection aborted by the client");S++}(C=r?.connecting)===null||C===void 0||C.call(r,!!d),A=new I;let W=w.onDispose(()=>A.abort());A.signal.addEventListener("abort",()=>{W(),x=void 0});let H=e,V=typeof H.url=="function"?await H.url(void 0):H.url;if(A.signal.aborted)throw new Error("Connection aborted by the client");let F=typeof H.headers=="function"?await H.headers(void 0):(D=H.headers)!==null&&D!==void 0?D:{};if(A.signal.aborted)throw new Error("Connection aborted by the client");let m;try{m=await u(V,{signal:A.signal,method:"PUT",credentials:k,referrer:E,referrerPolicy:a,headers:F})}catch(b){throw new j(b)}if(m.status!==201)throw new j(m);let R=await m.text();F[Fe]=R;let g=await Ge({signal:A.signal,headers:F,credentials:k,referrer:E,referrerPolicy:a,url:V,fetchFn:u,onMessage:b=>{var M;(M=r?.message)===null||M===void 0||M.call(r,b),l?.(b)}});return(h=r?.connected)===null||h===void 0||h.call(r,!!d),g.waitForThrow().catch(()=>x=void 0),g})()))}catch(C){throw x=void 0,C}}t&&!n&&(async()=>{for(P++;;)try{let{waitForThrow:C}=await _();await C()}catch(C){if(w.disposed)return;if(!(C instanceof j)||(x=void 0,!f||S>=f))return i?.(C);d=C}})();function $(C,D,h){if(!t){let V=new I,F=w.onDispose(()=>{F(),V.abort()});return(async()=>{var m,R,g,b,M;let L=null,v=0;for(;;)try{if(L){if(await N(v),V.signal.aborted)throw new Error("Connection aborted by the client");v++}(m=r?.connecting)===null||m===void 0||m.call(r,!!L),(R=h?.connecting)===null||R===void 0||R.call(h,!!L);let q=e,X=typeof q.url=="function"?await q.url(C):q.url;if(V.signal.aborted)throw new Error("Connection aborted by the client");let p=typeof q.headers=="function"?await q.headers(C):(g=q.headers)!==null&&g!==void 0?g:{};if(V.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:y}=await Ge({signal:V.signal,headers:{...p,"content-type":"application/json; charset=utf-8"},credentials:k,referrer:E,referrerPolicy:a,url:X,body:JSON.stringify(C),fetchFn:u,onMessage:T=>{var O,Z;(O=r?.message)===null||O===void 0||O.call(r,T),(Z=h?.message)===null||Z===void 0||Z.call(h,T),l?.(T)}});(b=r?.connected)===null||b===void 0||b.call(r,!!L),(M=h?.connected)===null||M===void 0||M.call(h,!!L);for await(let T of y())L=null,v=0,D.next(T);return V.abort()}catch(q){if(V.signal.aborted)return;if(!(q instanceof j)||!f||v>=f)throw q;L=q}})().then(()=>D.complete()).catch(m=>D.error(m)),()=>V.abort()}P++;let W=new I,H=w.onDispose(()=>{H(),W.abort()});return(async()=>{let V=c();C={...C,extensions:{...C.extensions,operationId:V}};let F=null;for(;;){F=null;try{let{url:m,headers:R,getResults:g}=await _(),b;try{b=await u(m,{signal:W.signal,method:"POST",credentials:k,referrer:E,referrerPolicy:a,headers:{...R,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(C)})}catch(M){throw new j(M)}if(b.status!==202)throw new j(b);F=async()=>{let M;try{let L=new I,v=w.onDispose(()=>{v(),L.abort()});M=await u(m+"?operationId="+V,{signal:L.signal,method:"DELETE",credentials:k,referrer:E,referrerPolicy:a,headers:R})}catch(L){throw new j(L)}if(M.status!==200)throw new j(M)};for await(let M of g({signal:W.signal,operationId:V}))d=null,S=0,D.next(M);return F=null,W.abort()}catch(m){if(W.signal.aborted)return await F?.();if(!(m instanceof j)||(n&&(x=void 0),!f||S>=f))throw W.abort(),m;d=m}finally{W.signal.aborted&&--P===0&&(isFinite(o)&&o>0?setTimeout(()=>{P||A.abort()},o):A.abort())}}})().then(()=>D.complete()).catch(V=>D.error(V)),()=>W.abort()}return{subscribe:$,iterate(C,D){let h=[],W={done:!1,error:null,resolve:()=>{}},H=$(C,{next(F){h.push(F),W.resolve()},error(F){W.done=!0,W.error=F,W.resolve()},complete(){W.done=!0,W.resolve()}},D),V=(async function*(){for(;;){for(h.length||await new Promise(m=>W.resolve=m);h.length;)yield h.shift();if(W.error)throw W.error;if(W.done)return}})();return V.throw=async F=>(W.done||(W.done=!0,W.error=F,W.resolve()),{done:!0,value:void 0}),V.return=async()=>(H(),{done:!0,value:void 0}),V},dispose(){w.dispose()}}}var j=class extends Error{constructor(t){let n,o;dt(t)?(o=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=o}};function dt(e){return Ve(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Ge(e){let{signal:t,url:n,credentials:o,headers:i,body:c,referrer:f,referrerPolicy:N,fetchFn:k,onMessage:E}=e,a={},l={},r;try{r=await k(n,{signal:t,method:c?"POST":"GET",credentials:o,referrer:f,referrerPolicy:N,headers:{...i,accept:"text/event-stream"},body:c})}catch(w){throw new j(w)}if(!r.ok)throw new j(r);if(!r.body)throw new Error("Missing response body");let u=null,I;return(async()=>{var w;try{let A=Ue();for await(let x of lt(r.body)){if(typeof x=="string")throw u=new Error(`Unexpected string chunk "${x}"`);let P;try{P=A(x)}catch(d){throw u=d}if(P)for(let d of P){try{E?.(d)}catch(_){throw u=_}let S=d.data&&"id"in d.data?d.data.id:"";switch(S in l||(l[S]=[]),d.event){case"next":S?l[S].push(d.data.payload):l[S].push(d.data);break;case"complete":l[S].push("complete");break;default:throw u=new Error(`Unexpected message event "${d.event}"`)}(w=a[S])===null||w===void 0||w.proceed()}}if(Object.keys(a).length)throw new Error("Connection closed while having active streams")}catch(A){!u&&Object.keys(a).length?u=new j(A):u=A,I?.(u)}finally{Object.values(a).forEach(({proceed:A})=>A())}})(),{url:n,headers:i,waitForThrow:()=>new Promise((w,A)=>{if(u)return A(u);I=A}),async*getResults(w){var A;let{signal:x,operationId:P=""}=w??{};try{for(;;){for(;!((A=l[P])===null||A===void 0)&&A.length;){let d=l[P].shift();if(d==="complete")return;yield d}if(u)throw u;if(x?.aborted)throw new Error("Getting results aborted by the client");await new Promise(d=>{let S=()=>{x?.removeEventListener("abort",S),delete a[P],d()};x?.addEventListener("abort",S),a[P]={proceed:S}})}}finally{delete l[P]}}}}function lt(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var ct=2,ut=1e4,mt=5e3;function je(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",o=!1,i=0,c=0,f=null,N,k=!1,E=d=>e.onState(d,n),a=()=>({query:De.toString(),variables:{articleId:e.articleId,after:t}});function l(){if(clearTimeout(N),k)return;if(!navigator.onLine){E("offline");return}E(c===0?"connecting":"reconnecting");let d=!1,S={next($){if(d)return;let C=$.errors?.[0];if(C)return r(String(C.extensions?.code??"INTERNAL_SERVER_ERROR"),C.message);let D=$.data?.commentEvents;D&&(c=0,t=D.cursor,e.onEvent(D))},error($){if(d)return;if(d=!0,Array.isArray($)){let D=$[0];return r(D?.extensions?.code??"INTERNAL_SERVER_ERROR",D?.message??"refused")}if($?.code===4403)return r("UNAUTHENTICATED","The sign-in token is not valid");u()},complete(){d||(d=!0,u())}},_=n==="ws"?w(S):A(S);f=()=>{d=!0,_()}}function r(d,S){I(),E("stopped"),e.onRefused(d,S)}function u(){if(I(),k||(n==="ws"&&!o&&e.transport==="auto"&&++i>=ct&&(n="sse"),c++,E(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let d=Math.min(3e4,500*2**Math.min(c-1,6))+Math.random()*500;N=setTimeout(l,d)}function I(){let d=f;f=null,d?.()}function w(d){let S,_=e.token(),$=_e({url:e.endpoint.replace(/^http/,"ws"),connectionParams:_?{authorization:`Bearer ${_}`}:{},lazy:!0,retryAttempts:0,keepAlive:ut,on:{connected:()=>{o=!0,E("live")},ping:D=>{D||(S=setTimeout(()=>$.terminate(),mt))},pong:D=>{D&&clearTimeout(S)},closed:()=>clearTimeout(S)}}),C=$.subscribe(a(),d);return()=>{clearTimeout(S),C(),$.dispose()}}function A(d){let S=e.token(),_=Be({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>S?{authorization:`Bearer ${S}`}:{},on:{connected:()=>E("live")}}),$=_.subscribe(a(),d);return()=>{$(),_.dispose()}}let x=()=>{I(),clearTimeout(N),E("offline")},P=()=>{k||(I(),c=0,l())};return addEventListener("offline",x),addEventListener("online",P),l(),{cursor:()=>t,close(){k=!0,clearTimeout(N),removeEventListener("offline",x),removeEventListener("online",P),I(),E("stopped")}}}function Qe(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let o=n;try{let i=localStorage.getItem(t);i&&(o=JSON.parse(i))}catch{}return!o||typeof o.token!="string"||Date.parse(o.expiresAt)<=Date.now()?null:o},save(o){n=o;try{localStorage.setItem(t,JSON.stringify(o))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var pt={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},gt=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),ie=class{constructor(t,n){U(this,"list",t);U(this,"hooks",n);U(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}clear(){this.list.replaceChildren(),this.views.clear()}appendPage(t){for(let n of t){let o=this.views.get(n.id)??this.create(n);o.item.isConnected||this.list.append(o.item),n.replies&&this.appendReplies(o,n.replies)}}appendReplies(t,n){let o=t.replies.querySelector(":scope > [data-live]");for(let{node:i}of n.edges){let c=this.views.get(i.id)??this.create(i);c.item.isConnected||t.replies.insertBefore(c.item,o)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let o=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!o)return"ignored";let i=this.create(t);return i.item.dataset.live="",o?(o.replies.append(i.item),o.data={...o.data,replyCount:o.data.replyCount+1}):this.list.prepend(i.item),"added"}create(t){let n=s("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),o={data:t,item:s("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:s("div"),replyButton:s("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:s("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return o.replyButton.addEventListener("click",()=>this.hooks.reply(o)),o.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(o)),this.views.set(t.id,o),this.fill(o),o}fill(t){let n=t.data,o=`lede-c-author-${n.id}`,i=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,c=s("div",{class:"lede-c-meta"},s("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:o}}),s("time",{text:gt.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?s("span",{text:"(edited)"}):null,n.featured&&!n.removed?s("span",{class:"lede-c-badge",attrs:{"data-featured":""},text:"Staff pick"}):null,i?s("span",{class:"lede-c-badge",attrs:{"data-status":i},text:i==="PENDING"?"Awaiting moderation":"Not published"}):null),f=s("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),N=n.moderation?.at(-1),k=i&&N?s("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(N.reasons.length?`: ${N.reasons.map(a=>pt[a.rule]??a.rule.toLowerCase()).join("; ")}.`:".")+(N.note?` ${N.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed);let E=s("div",{class:"lede-c-actions"},t.replyButton);n.removed||this.hooks.decorate(t,E),t.item.replaceChildren(s("article",{attrs:{"aria-labelledby":o}},c,f,k,E,t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,o=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||o===0,t.moreReplies.textContent=o===1?"Show 1 more reply":`Show ${o} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};function Ke(){return s("select",{attrs:{"aria-label":"Order comments by"}},...[["NEWEST","Newest first"],["OLDEST","Oldest first"],["MOST_REACTIONS","Most reactions"]].map(([t,n])=>s("option",{attrs:{value:t},text:n})))}var fe=(e,t)=>s("button",{class:"lede-c-link",text:e,attrs:{type:"button"},on:{click:t}});function ze(e,t,n,o){let i=ft(t),c=o&&n?i.nameControl(n.displayName,f=>n.displayName=f):null;e.replaceChildren(...[i.standingNotice(n?.standing),c].filter(f=>f!==null))}function ft(e){let t={api:e};return{standingNotice(n){if(!n)return null;let o=s("div",{class:"lede-c-standing",attrs:{role:"alert"}});if(n.banned?o.append(s("p",{text:"Your account is banned: you can no longer post, react or report."})):n.suspendedUntil&&o.append(s("p",{text:`Your account is suspended until ${new Date(n.suspendedUntil).toLocaleString()}: you cannot post, react or report until then.`})),n.warning){let i=fe("I understand",()=>{t.api.request(Ie,{}).then(()=>o.remove(),()=>{})});o.append(s("p",{text:`A moderator warned you: ${n.warning}`}),i)}return o.childElementCount>0?o:null},nameControl(n,o){let i=Y("rename"),c=s("p",{class:"lede-c-as"}),f=k=>c.replaceChildren(`Commenting as ${k} `,fe("Change name",()=>N(k))),N=k=>{let E=s("input",{attrs:{id:i,maxlength:"60",value:k}}),a=s("form",{class:"lede-c-form-actions",attrs:{"aria-label":"Change your name"}},s("label",{text:"Your name",attrs:{for:i}}),E,s("button",{text:"Save name",attrs:{type:"submit"}}),fe("Cancel",()=>f(k)));a.addEventListener("submit",async l=>{l.preventDefault();try{let{changeDisplayName:r}=await t.api.request(ke,{displayName:E.value});o(r.displayName),f(r.displayName)}catch(r){c.append(s("span",{attrs:{role:"alert"},text:` ${J(r).message}`}))}}),c.replaceChildren(a),E.focus()};return f(n),c}}}var Ye=!1;function Je(e,t){Ye||(document.head.append(s("style",{text:we,attrs:{"data-lede-comments-styles":""}})),Ye=!0);let n=t.pageSize??10,o=Qe(t.endpoint),i=t.token??o.load()?.token??null,c=null,f=null,N=null,k=-1,E=null,a=0,l=0,r=new Map,u=he(t.endpoint,()=>i),I=s("h2",{text:"Comments"}),w=s("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),A=s("p",{class:"lede-c-live"}),x=s("p",{class:"lede-c-message",attrs:{role:"status"}}),P=s("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),d=s("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),S=s("div"),_=s("div"),$=Ke(),C=s("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}}),D=s("label",{},"Sort: ",$);C.append(I,_,S,x,A,D,P,d,w),e.replaceChildren(C),e.dataset.ledeState="loading";let h=new ie(P,{viewerId:()=>c?.id??null,canReply:()=>f?.commentSettings.open??!1,reply:p=>g.open(p),loadReplies:p=>{L(p)},decorate:(p,y)=>W.decorate(p,y)}),W=Me({api:u,viewerId:()=>c?.id??null,hasToken:()=>i!==null,ensureSession:p=>F(p),update:p=>{h.upsert(p)},shown:p=>h.views.get(p)?.data}),H=p=>I.textContent=p===1?"1 comment":`${p} comments`,V=p=>{w.textContent="",setTimeout(()=>w.textContent=p,50)};async function F(p){if(i)return;let{startGuestSession:y}=await u.request(ve,{displayName:p});i=y.token,c={id:y.account.id,displayName:y.account.displayName,standing:null},M(),o.save({token:i,expiresAt:y.expiresAt}),q()}async function m(p,y,T){try{await F(y);let O=`${T??""}
${p}`,Z=r.get(O)??be();r.set(O,Z);let le={articleId:f.id,body:p,parentId:T,clientMutationId:Z},re;try{re=await u.request(ue,{input:le})}catch(ce){if(!(ce instanceof z)||ce.code!=="NETWORK")throw ce;re=await u.request(ue,{input:le})}let oe=re.postComment;return W.rememberPosted(oe.id,oe.editableForSeconds),r.delete(O),h.upsert(oe)==="added"&&oe.status==="VISIBLE"&&H(++a),oe}catch(O){throw O instanceof z&&O.code==="UNAUTHENTICATED"&&!t.token?(o.clear(),i=null,c=null,R.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):J(O)}}let R=se({label:"Your comment",submitLabel:"Post comment",askName:()=>!i,async submit(p,y){let T=await m(p,y);R.message(me(T))}}),g=Le({askName:()=>!i,post:(p,y,T)=>m(p,y,T),posted:p=>R.message(me(p).replace("comment","reply"))});async function b(){let p=await u.request(xe,{slug:t.article,first:n,after:E,replies:3,orderBy:$.value}),y=p.article?.comments;y&&(E||h.appendPage(f?.featuredComments??[]),a=p.article.commentCount,H(a),h.appendPage(y.edges.map(T=>T.node)),E=y.pageInfo.endCursor??null,d.hidden=!y.pageInfo.hasNextPage,W.loadMine([...h.views.keys()]))}let M=()=>ze(_,u,c,!t.token&&i!==null);$.addEventListener("change",()=>{h.clear(),E=null,b().catch(p=>x.textContent=J(p).message)});async function L(p){p.moreReplies.disabled=!0;try{let y=await u.request(Ce,{commentId:p.data.id,first:20,after:p.repliesCursor});y.comment&&h.appendReplies(p,y.comment.replies),W.loadMine(y.comment?.replies.edges.map(T=>T.node.id)??[])}catch(y){x.textContent=J(y).message}finally{p.moreReplies.disabled=!1}}function v(p){N=je({endpoint:t.endpoint,articleId:f.id,after:p,token:()=>i,transport:t.transport??"auto",onState(y,T){e.dataset.liveState=y,e.dataset.liveTransport=T,A.textContent=We[y]},onEvent(y){if(y.sequence<=k)return;k=y.sequence;let T=h.upsert(y.comment),O=c!==null&&y.comment.author.id===c.id;T==="added"&&y.comment.status==="VISIBLE"&&H(++a),T==="hidden"&&H(Math.max(0,--a)),T==="added"&&!O&&V(ie.describe(y.comment))},onRefused(y,T){if(y==="UNAUTHENTICATED"&&!t.token&&i){o.clear(),i=null,c=null,R.refresh(),v(N.cursor());return}if(y==="BAD_USER_INPUT"&&l++<3){u.request(ae,{slug:t.article}).then(O=>{k=-1,O.article&&v(O.article.commentStreamCursor)},()=>A.textContent=`Live updates stopped: ${T}`);return}A.textContent=`Live updates stopped: ${T}`}})}function q(){if(!N)return;let p=N.cursor();N.close(),v(p)}d.addEventListener("click",()=>{d.disabled=!0,b().catch(p=>x.textContent=J(p).message).finally(()=>d.disabled=!1)});async function X(){let p;try{p=await u.request(ae,{slug:t.article})}catch(y){if(!(y instanceof z&&y.code==="UNAUTHENTICATED")||t.token)throw y;o.clear(),i=null,p=await u.request(ae,{slug:t.article})}if(!p.article){x.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}f=p.article,c=p.viewer??null,M(),f.commentSettings.open?(S.append(R.form),R.refresh()):S.append(s("p",{text:"Comments on this article are closed."})),v(f.commentStreamCursor),await b(),e.dataset.ledeState="ready"}return X().catch(p=>{x.textContent=`Comments could not be loaded: ${J(p).message}`,e.dataset.ledeState="error"}),{destroy(){N?.close(),e.replaceChildren()}}}var Xe="__LEDE_GRAPHQL_PATH__",yt=Xe.startsWith("/")?Xe:"/graphql",ht=document.currentScript?.src,Ze=new WeakSet;function bt(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??ht??location.href,o=e.dataset.transport;return{article:t,endpoint:new URL(yt,n).toString(),token:e.dataset.token||null,transport:o==="ws"||o==="sse"?o:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function et(e){if(Ze.has(e)||e.dataset.ledeState)return null;let t=bt(e);return t?(Ze.add(e),Je(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function ye(){for(let e of document.querySelectorAll("[data-lede-comments]"))et(e)}window.LedeComments={mount:et,mountAll:ye};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ye):ye();})();
