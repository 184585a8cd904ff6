/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var Oe=Object.defineProperty;var _e=(e,t,n)=>t in e?Oe(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var H=(e,t,n)=>_e(e,typeof t!="symbol"?t+"":t,n);var K=class extends Error{constructor(n,o,i){super(n);H(this,"code",o);H(this,"retryAfter",i)}};function ce(e,t){return{async request(n,o){let i=t(),u;try{u=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...i?{authorization:`Bearer ${i}`}:{}},body:JSON.stringify({query:n.toString(),variables:o})})}catch{throw new K("Lede could not be reached. Check your connection and try again.","NETWORK")}let R;try{R=await u.json()}catch{throw new K(`Lede answered ${u.status} without a GraphQL response.`,"NETWORK")}let I=R.errors?.[0];if(I)throw new K(I.message,I.extensions?.code??"INTERNAL_SERVER_ERROR",I.extensions?.retryAfter);if(!R.data)throw new K("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return R.data}}}function T(e,t={},...n){let o=document.createElement(e);t.class&&(o.className=t.class);for(let[i,u]of Object.entries(t.attrs??{}))u!==void 0&&o.setAttribute(i,u);t.text!==void 0&&(o.textContent=t.text);for(let[i,u]of Object.entries(t.on??{}))o.addEventListener(i,u);for(let i of n)i==null||i===!1||o.append(typeof i=="string"?document.createTextNode(i):i);return o}var $e=0;function ne(e){return`lede-c-${e}-${++$e}`}function ue(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var me=`
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
`;function oe(e){let t=ne("body"),n=ne("name"),o=ne("message"),i=T("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":o}}),u=T("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),R=T("div",{},T("label",{text:"Your name",attrs:{for:n}})," ",u),I=T("button",{text:e.submitLabel,attrs:{type:"submit"}}),W=T("div",{class:"lede-c-message",attrs:{id:o,role:"status","aria-live":"polite"}}),k=e.cancel?T("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,h=T("form",{class:"lede-c-form",attrs:{novalidate:""}},R,T("label",{text:e.label,attrs:{for:t}}),i,T("div",{class:"lede-c-form-actions"},I,k),W),p=(L,b="info")=>{W.dataset.kind=b,W.textContent=L},s=()=>{R.hidden=!e.askName(),u.required=e.askName()},A=!1;return h.addEventListener("submit",L=>{if(L.preventDefault(),A)return;let b=i.value.trim(),E=u.value.trim();if(e.askName()&&!E){p("Please enter your name.","error"),u.focus();return}if(!b){p("Please write a comment first.","error"),i.focus();return}A=!0,I.disabled=!0,h.setAttribute("aria-busy","true"),p("Posting…"),e.submit(b,E).then(()=>{i.value="",s()},w=>{p(w.message,"error"),i.focus()}).finally(()=>{A=!1,I.disabled=!1,h.removeAttribute("aria-busy")})}),i.addEventListener("keydown",L=>{L.key==="Enter"&&(L.ctrlKey||L.metaKey)&&h.requestSubmit(),L.key==="Escape"&&e.cancel&&e.cancel()}),s(),{form:h,focus:()=>(e.askName()&&!u.value?u:i).focus(),message:p,refresh:s}}var Y=class extends String{constructor(n,o){super(n);H(this,"__apiType");H(this,"value");H(this,"__meta__");this.value=n,this.__meta__=o}toString(){return this.value}},st=new Y(`
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
    `,{fragmentName:"WidgetComment"}),ie=new Y(`
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
  }
  viewer {
    id
    displayName
  }
}
    `),pe=new Y(`
    query WidgetThread($slug: String!, $first: Int!, $after: String, $replies: Int!) {
  article(slug: $slug) {
    commentCount
    comments(first: $first, after: $after, orderBy: NEWEST) {
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
}`),fe=new Y(`
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
}`),ge=new Y(`
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
    `),se=new Y(`
    mutation WidgetPostComment($input: PostCommentInput!) {
  postComment(input: $input) {
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
}`),ye=new Y(`
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
}`);function j(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function J(e){return j(e)==="object"}function Ve(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function ae(e,t){return e.length<124?e:t}var he="graphql-transport-ws";var Q=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Q||{}),z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(z||{});function be(e){if(!J(e))throw new Error(`Message is expected to be an object, but got ${j(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${j(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${j(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${j(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${j(e.payload.query)}`);if(e.payload.variables!=null&&!J(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${j(e.payload.variables)}`);if(e.payload.operationName!=null&&j(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${j(e.payload.operationName)}`);if(e.payload.extensions!=null&&!J(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${j(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${j(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${j(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${j(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Ve(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${j(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function we(e,t){return be(typeof e=="string"?JSON.parse(e,t):e)}function ee(e,t){return be(e),JSON.stringify(e,t)}function xe(e){let{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:u=0,keepAlive:R=0,disablePong:I,connectionAckWaitTimeout:W=0,retryAttempts:k=5,retryWait:h=async function(C){let c=Math.pow(2,C);await new Promise(m=>setTimeout(m,c*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:p=le,on:s,webSocketImpl:A,generateID:L=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{let c=Math.random()*16|0;return(C=="x"?c:c&3|8).toString(16)})},jsonMessageReplacer:b,jsonMessageReviver:E}=e,w;if(A){if(!Ge(A))throw new Error("Invalid WebSocket implementation provided");w=A}else typeof WebSocket<"u"?w=WebSocket:typeof global<"u"?w=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(w=window.WebSocket||window.MozWebSocket);if(!w)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let D=w,a=(()=>{let d=(()=>{let c={};return{on(m,v){return c[m]=v,()=>{delete c[m]}},emit(m){"id"in m&&c[m.id]?.(m)}}})(),C={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[d.emit,s.message]:[d.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:d.on,on(c,m){let v=C[c];return v.push(m),()=>{let N=v.indexOf(m);N>-1&&v.splice(N,1)}},emit(c,...m){for(let v of[...C[c]])v(...m)}}})();function S(d){let C=[a.on("error",c=>{C.forEach(m=>m()),d(c)}),a.on("closed",c=>{C.forEach(m=>m()),d(c)})];return()=>C.forEach(c=>c())}let $,M=0,g,f=!1,y=0,x=!1;async function B(){clearTimeout(g);let[d,C]=await($??($=new Promise((v,N)=>(async()=>{if(f){if(await h(y),!M)return $=void 0,N({code:1e3,reason:"All Subscriptions Gone"});y++}a.emit("connecting",f);let r=new D(typeof t=="function"?await t():t,he),l,_;function G(){isFinite(R)&&R>0&&(clearTimeout(_),_=setTimeout(()=>{r.readyState===D.OPEN&&(r.send(ee({type:z.Ping})),a.emit("ping",!1,void 0))},R))}S(O=>{$=void 0,clearTimeout(l),clearTimeout(_),N(O),O instanceof re&&(r.close(4499,"Terminated"),r.onerror=null,r.onclose=null)}),r.onerror=O=>a.emit("error",O),r.onclose=O=>a.emit("closed",O),r.onopen=async()=>{try{a.emit("opened",r);let O=typeof n=="function"?await n():n;if(r.readyState!==D.OPEN)return;r.send(ee(O?{type:z.ConnectionInit,payload:O}:{type:z.ConnectionInit},b)),isFinite(W)&&W>0&&(l=setTimeout(()=>{r.close(Q.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},W)),G()}catch(O){a.emit("error",O),r.close(Q.InternalClientError,ae(O instanceof Error?O.message:String(O),"Internal client error"))}};let F=!1;r.onmessage=({data:O})=>{try{let V=we(O,E);if(a.emit("message",V),V.type==="ping"||V.type==="pong"){a.emit(V.type,!0,V.payload),V.type==="pong"?G():I||(r.send(ee(V.payload?{type:z.Pong,payload:V.payload}:{type:z.Pong},b)),a.emit("pong",!1,V.payload));return}if(F)return;if(V.type!==z.ConnectionAck)throw new Error(`First message cannot be of type ${V.type}`);clearTimeout(l),F=!0,a.emit("connected",r,V.payload,f),f=!1,y=0;let Z=new Promise((Ze,Me)=>S(Me));Z.catch(()=>{}),v([r,Z])}catch(V){r.onmessage=null,a.emit("error",V),r.close(Q.BadResponse,ae(V instanceof Error?V.message:String(V),"Bad response"))}}})())));d.readyState===D.CLOSING&&await C;let c=()=>{},m=new Promise(v=>c=v);return[d,c,new Promise((v,N)=>{let r=S(N);d.readyState!==D.OPEN&&C.catch(N),m.then(()=>{if(r(),!M){let l=()=>d.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(g),g=setTimeout(()=>{!M&&d.readyState===D.OPEN&&l()},u)):l()}v()})})]}function P(d){if(le(d)&&(qe(d.code)||[Q.InternalServerError,Q.InternalClientError,Q.BadRequest,Q.BadResponse,Q.Unauthorized,Q.SubprotocolNotAcceptable,Q.SubscriberAlreadyExists,Q.TooManyInitialisationRequests].includes(d.code)))throw d;if(x)return!1;if(le(d)&&d.code===1e3)return M>0;if(!k||y>=k||!p(d))throw d;return f=!0}o||(async()=>{for(M++;;)try{let[,,d]=await B();await d}catch(d){try{if(!P(d))return}catch(C){return i?.(C)}}})();function q(d,C){let c=L(d),m=!1,v=!1,N=()=>{M--,m=!0};return(async()=>{for(M++;;)try{let[r,l,_]=await B();if(m)return _.catch(()=>{}),l();let G=a.onMessage(c,F=>{switch(F.type){case z.Next:{C.next(F.payload);return}case z.Error:{v=!0,m=!0,C.error(F.payload),N();return}case z.Complete:{m=!0,N();return}}});r.send(ee({id:c,type:z.Subscribe,payload:d},b)),N=()=>{!m&&r.readyState===D.OPEN&&r.send(ee({id:c,type:z.Complete},b)),M--,m=!0,l()},await _.finally(G);return}catch(r){if(!P(r))return}})().then(()=>{v||C.complete()}).catch(r=>{C.error(r)}),()=>{m||N()}}return{on:a.on,subscribe:q,iterate(d){let C=[],c={done:!1,error:null,resolve:()=>{}},m=q(d,{next(N){C.push(N),c.resolve()},error(N){c.done=!0,c.error=N,c.resolve()},complete(){c.done=!0,c.resolve()}}),v=(async function*(){for(;;){for(C.length||await new Promise(r=>c.resolve=r);C.length;)yield C.shift();if(c.error)throw c.error;if(c.done)return}})();return v.throw=async N=>(c.done||(c.done=!0,c.error=N,c.resolve()),{done:!0,value:void 0}),v.return=async()=>(m(),{done:!0,value:void 0}),v},async dispose(){if(x=!0,$){let[d]=await $;d.close(1e3,"Normal Closure")}},terminate(){$&&a.emit("closed",new re)}}}var re=class extends Error{constructor(){super(...arguments);H(this,"name","TerminatedCloseEvent");H(this,"message","4499: Terminated");H(this,"code",4499);H(this,"reason","Terminated");H(this,"wasClean",!1)}};function le(e){return J(e)&&"code"in e&&"reason"in e}function qe(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Ge(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function ve(e){return typeof e=="object"&&e!==null}var Ee="x-graphql-event-stream-token";function Se(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function Ce(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var X;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(X||(X={}));function Te(){let e,t,n,o=!1,i={event:"",data:""},u=[],R=new TextDecoder;return function(W){if(e===void 0)e=W,t=0,n=-1;else{let p=new Uint8Array(e.length+W.length);p.set(e),p.set(W,e.length),e=p}let k=e.length,h=0;for(;t<k;){o&&(e[t]===X.NewLine&&(h=++t),o=!1);let p=-1;for(;t<k&&p===-1;++t)switch(e[t]){case X.Colon:n===-1&&(n=t-h);break;case X.CarriageReturn:o=!0;case X.NewLine:p=t;break}if(p===-1)break;if(h===p){if(i.event||i.data){if(!i.event)throw new Error("Missing message event");let s=Se(i.event),A=Ce(s,i.data);u.push({event:s,data:A}),i={event:"",data:""}}}else if(n>0){let s=e.subarray(h,p),A=R.decode(s.subarray(0,n)),L=n+(s[n+1]===X.Space?2:1),b=R.decode(s.subarray(L));switch(A){case"event":i.event=b;break;case"data":i.data=i.data?i.data+`
`+b:b;break}}h=t,n=-1}if(h===k){e=void 0;let p=[...u];return u=[],p}else h!==0&&(e=e.subarray(h),t-=h)}}function Ae(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:o=0,onNonLazyError:i=console.error,generateID:u=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,f=>{let y=Math.random()*16|0;return(f=="x"?y:y&3|8).toString(16)})},retryAttempts:R=5,retry:I=async function(f){let y=1e3;for(let x=0;x<f;x++)y*=2;await new Promise(x=>setTimeout(x,y+Math.floor(Math.random()*2700+300)))},credentials:W="same-origin",referrer:k,referrerPolicy:h,onMessage:p,on:s}=e,A=e.fetchFn||fetch,L=e.abortControllerImpl||AbortController,b=(()=>{let g=!1,f=[];return{get disposed(){return g},onDispose(y){return g?(setTimeout(()=>y(),0),()=>{}):(f.push(y),()=>{f.splice(f.indexOf(y),1)})},dispose(){if(!g){g=!0;for(let y of[...f])y()}}}})(),E,w,D=0,a=null,S=0;async function $(){try{if(b.disposed)throw new Error("Client has been disposed");return await(w??(w=(async()=>{var g,f,y;if(a){if(await I(S),E.signal.aborted)throw new Error("Connection aborted by the client");S++}(g=s?.connecting)===null||g===void 0||g.call(s,!!a),E=new L;let x=b.onDispose(()=>E.abort());E.signal.addEventListener("abort",()=>{x(),w=void 0});let B=e,P=typeof B.url=="function"?await B.url(void 0):B.url;if(E.signal.aborted)throw new Error("Connection aborted by the client");let q=typeof B.headers=="function"?await B.headers(void 0):(f=B.headers)!==null&&f!==void 0?f:{};if(E.signal.aborted)throw new Error("Connection aborted by the client");let d;try{d=await A(P,{signal:E.signal,method:"PUT",credentials:W,referrer:k,referrerPolicy:h,headers:q})}catch(m){throw new U(m)}if(d.status!==201)throw new U(d);let C=await d.text();q[Ee]=C;let c=await Re({signal:E.signal,headers:q,credentials:W,referrer:k,referrerPolicy:h,url:P,fetchFn:A,onMessage:m=>{var v;(v=s?.message)===null||v===void 0||v.call(s,m),p?.(m)}});return(y=s?.connected)===null||y===void 0||y.call(s,!!a),c.waitForThrow().catch(()=>w=void 0),c})()))}catch(g){throw w=void 0,g}}t&&!n&&(async()=>{for(D++;;)try{let{waitForThrow:g}=await $();await g()}catch(g){if(b.disposed)return;if(!(g instanceof U)||(w=void 0,!R||S>=R))return i?.(g);a=g}})();function M(g,f,y){if(!t){let P=new L,q=b.onDispose(()=>{q(),P.abort()});return(async()=>{var d,C,c,m,v;let N=null,r=0;for(;;)try{if(N){if(await I(r),P.signal.aborted)throw new Error("Connection aborted by the client");r++}(d=s?.connecting)===null||d===void 0||d.call(s,!!N),(C=y?.connecting)===null||C===void 0||C.call(y,!!N);let l=e,_=typeof l.url=="function"?await l.url(g):l.url;if(P.signal.aborted)throw new Error("Connection aborted by the client");let G=typeof l.headers=="function"?await l.headers(g):(c=l.headers)!==null&&c!==void 0?c:{};if(P.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:F}=await Re({signal:P.signal,headers:{...G,"content-type":"application/json; charset=utf-8"},credentials:W,referrer:k,referrerPolicy:h,url:_,body:JSON.stringify(g),fetchFn:A,onMessage:O=>{var V,Z;(V=s?.message)===null||V===void 0||V.call(s,O),(Z=y?.message)===null||Z===void 0||Z.call(y,O),p?.(O)}});(m=s?.connected)===null||m===void 0||m.call(s,!!N),(v=y?.connected)===null||v===void 0||v.call(y,!!N);for await(let O of F())N=null,r=0,f.next(O);return P.abort()}catch(l){if(P.signal.aborted)return;if(!(l instanceof U)||!R||r>=R)throw l;N=l}})().then(()=>f.complete()).catch(d=>f.error(d)),()=>P.abort()}D++;let x=new L,B=b.onDispose(()=>{B(),x.abort()});return(async()=>{let P=u();g={...g,extensions:{...g.extensions,operationId:P}};let q=null;for(;;){q=null;try{let{url:d,headers:C,getResults:c}=await $(),m;try{m=await A(d,{signal:x.signal,method:"POST",credentials:W,referrer:k,referrerPolicy:h,headers:{...C,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(g)})}catch(v){throw new U(v)}if(m.status!==202)throw new U(m);q=async()=>{let v;try{let N=new L,r=b.onDispose(()=>{r(),N.abort()});v=await A(d+"?operationId="+P,{signal:N.signal,method:"DELETE",credentials:W,referrer:k,referrerPolicy:h,headers:C})}catch(N){throw new U(N)}if(v.status!==200)throw new U(v)};for await(let v of c({signal:x.signal,operationId:P}))a=null,S=0,f.next(v);return q=null,x.abort()}catch(d){if(x.signal.aborted)return await q?.();if(!(d instanceof U)||(n&&(w=void 0),!R||S>=R))throw x.abort(),d;a=d}finally{x.signal.aborted&&--D===0&&(isFinite(o)&&o>0?setTimeout(()=>{D||E.abort()},o):E.abort())}}})().then(()=>f.complete()).catch(P=>f.error(P)),()=>x.abort()}return{subscribe:M,iterate(g,f){let y=[],x={done:!1,error:null,resolve:()=>{}},B=M(g,{next(q){y.push(q),x.resolve()},error(q){x.done=!0,x.error=q,x.resolve()},complete(){x.done=!0,x.resolve()}},f),P=(async function*(){for(;;){for(y.length||await new Promise(d=>x.resolve=d);y.length;)yield y.shift();if(x.error)throw x.error;if(x.done)return}})();return P.throw=async q=>(x.done||(x.done=!0,x.error=q,x.resolve()),{done:!0,value:void 0}),P.return=async()=>(B(),{done:!0,value:void 0}),P},dispose(){b.dispose()}}}var U=class extends Error{constructor(t){let n,o;He(t)?(o=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=o}};function He(e){return ve(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Re(e){let{signal:t,url:n,credentials:o,headers:i,body:u,referrer:R,referrerPolicy:I,fetchFn:W,onMessage:k}=e,h={},p={},s;try{s=await W(n,{signal:t,method:u?"POST":"GET",credentials:o,referrer:R,referrerPolicy:I,headers:{...i,accept:"text/event-stream"},body:u})}catch(b){throw new U(b)}if(!s.ok)throw new U(s);if(!s.body)throw new Error("Missing response body");let A=null,L;return(async()=>{var b;try{let E=Te();for await(let w of Be(s.body)){if(typeof w=="string")throw A=new Error(`Unexpected string chunk "${w}"`);let D;try{D=E(w)}catch(a){throw A=a}if(D)for(let a of D){try{k?.(a)}catch($){throw A=$}let S=a.data&&"id"in a.data?a.data.id:"";switch(S in p||(p[S]=[]),a.event){case"next":S?p[S].push(a.data.payload):p[S].push(a.data);break;case"complete":p[S].push("complete");break;default:throw A=new Error(`Unexpected message event "${a.event}"`)}(b=h[S])===null||b===void 0||b.proceed()}}if(Object.keys(h).length)throw new Error("Connection closed while having active streams")}catch(E){!A&&Object.keys(h).length?A=new U(E):A=E,L?.(A)}finally{Object.values(h).forEach(({proceed:E})=>E())}})(),{url:n,headers:i,waitForThrow:()=>new Promise((b,E)=>{if(A)return E(A);L=E}),async*getResults(b){var E;let{signal:w,operationId:D=""}=b??{};try{for(;;){for(;!((E=p[D])===null||E===void 0)&&E.length;){let a=p[D].shift();if(a==="complete")return;yield a}if(A)throw A;if(w?.aborted)throw new Error("Getting results aborted by the client");await new Promise(a=>{let S=()=>{w?.removeEventListener("abort",S),delete h[D],a()};w?.addEventListener("abort",S),h[D]={proceed:S}})}}finally{delete p[D]}}}}function Be(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var Fe=2,je=1e4,Ue=5e3;function Ne(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",o=!1,i=0,u=0,R=null,I,W=!1,k=a=>e.onState(a,n),h=()=>({query:ye.toString(),variables:{articleId:e.articleId,after:t}});function p(){if(clearTimeout(I),W)return;if(!navigator.onLine){k("offline");return}k(u===0?"connecting":"reconnecting");let a=!1,S={next(M){if(a)return;let g=M.errors?.[0];if(g)return s(String(g.extensions?.code??"INTERNAL_SERVER_ERROR"),g.message);let f=M.data?.commentEvents;f&&(u=0,t=f.cursor,e.onEvent(f))},error(M){if(a)return;if(a=!0,Array.isArray(M)){let f=M[0];return s(f?.extensions?.code??"INTERNAL_SERVER_ERROR",f?.message??"refused")}if(M?.code===4403)return s("UNAUTHENTICATED","The sign-in token is not valid");A()},complete(){a||(a=!0,A())}},$=n==="ws"?b(S):E(S);R=()=>{a=!0,$()}}function s(a,S){L(),k("stopped"),e.onRefused(a,S)}function A(){if(L(),W||(n==="ws"&&!o&&e.transport==="auto"&&++i>=Fe&&(n="sse"),u++,k(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let a=Math.min(3e4,500*2**Math.min(u-1,6))+Math.random()*500;I=setTimeout(p,a)}function L(){let a=R;R=null,a?.()}function b(a){let S,$=e.token(),M=xe({url:e.endpoint.replace(/^http/,"ws"),connectionParams:$?{authorization:`Bearer ${$}`}:{},lazy:!0,retryAttempts:0,keepAlive:je,on:{connected:()=>{o=!0,k("live")},ping:f=>{f||(S=setTimeout(()=>M.terminate(),Ue))},pong:f=>{f&&clearTimeout(S)},closed:()=>clearTimeout(S)}}),g=M.subscribe(h(),a);return()=>{clearTimeout(S),g(),M.dispose()}}function E(a){let S=e.token(),$=Ae({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>S?{authorization:`Bearer ${S}`}:{},on:{connected:()=>k("live")}}),M=$.subscribe(h(),a);return()=>{M(),$.dispose()}}let w=()=>{L(),clearTimeout(I),k("offline")},D=()=>{W||(L(),u=0,p())};return addEventListener("offline",w),addEventListener("online",D),p(),{cursor:()=>t,close(){W=!0,clearTimeout(I),removeEventListener("offline",w),removeEventListener("online",D),L(),k("stopped")}}}function Ie(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let o=n;try{let i=localStorage.getItem(t);i&&(o=JSON.parse(i))}catch{}return!o||typeof o.token!="string"||Date.parse(o.expiresAt)<=Date.now()?null:o},save(o){n=o;try{localStorage.setItem(t,JSON.stringify(o))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var Qe={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},ze=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),te=class{constructor(t,n){H(this,"list",t);H(this,"hooks",n);H(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}appendPage(t){for(let n of t){let o=this.views.get(n.id)??this.create(n);o.item.isConnected||this.list.append(o.item),n.replies&&this.appendReplies(o,n.replies)}}appendReplies(t,n){let o=t.replies.querySelector(":scope > [data-live]");for(let{node:i}of n.edges){let u=this.views.get(i.id)??this.create(i);u.item.isConnected||t.replies.insertBefore(u.item,o)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let o=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!o)return"ignored";let i=this.create(t);return i.item.dataset.live="",o?(o.replies.append(i.item),o.data={...o.data,replyCount:o.data.replyCount+1}):this.list.prepend(i.item),"added"}create(t){let n=T("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),o={data:t,item:T("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:T("div"),replyButton:T("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:T("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return o.replyButton.addEventListener("click",()=>this.hooks.reply(o)),o.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(o)),this.views.set(t.id,o),this.fill(o),o}fill(t){let n=t.data,o=`lede-c-author-${n.id}`,i=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,u=T("div",{class:"lede-c-meta"},T("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:o}}),T("time",{text:ze.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?T("span",{text:"(edited)"}):null,i?T("span",{class:"lede-c-badge",attrs:{"data-status":i},text:i==="PENDING"?"Awaiting moderation":"Not published"}):null),R=T("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),I=n.moderation?.at(-1),W=i&&I?T("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(I.reasons.length?`: ${I.reasons.map(k=>Qe[k.rule]??k.rule.toLowerCase()).join("; ")}.`:".")+(I.note?` ${I.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed),t.item.replaceChildren(T("article",{attrs:{"aria-labelledby":o}},u,R,W,T("div",{class:"lede-c-actions"},t.replyButton),t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,o=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||o===0,t.moreReplies.textContent=o===1?"Show 1 more reply":`Show ${o} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};var Ke={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."},ke=!1;function Le(e,t){ke||(document.head.append(T("style",{text:me,attrs:{"data-lede-comments-styles":""}})),ke=!0);let n=t.pageSize??10,o=Ie(t.endpoint),i=t.token??o.load()?.token??null,u=null,R=null,I=null,W=-1,k=null,h=0,p=null,s=ce(t.endpoint,()=>i),A=T("h2",{text:"Comments"}),L=T("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),b=T("p",{class:"lede-c-live"}),E=T("p",{class:"lede-c-message",attrs:{role:"status"}}),w=T("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),D=T("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),a=T("div"),S=T("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}});S.append(A,a,E,b,w,D,L),e.replaceChildren(S),e.dataset.ledeState="loading";let $=new te(w,{viewerId:()=>u?.id??null,canReply:()=>R?.commentSettings.open??!1,reply:r=>q(r),loadReplies:r=>{c(r)}}),M=r=>A.textContent=r===1?"1 comment":`${r} comments`,g=r=>{L.textContent="",setTimeout(()=>L.textContent=r,50)};function f(r){return r instanceof K?r.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${r.retryAfter??3} s and try again.`):r.code==="FORBIDDEN"?new Error(r.message||"You cannot comment here."):r:new Error("Something went wrong. Please try again.")}async function y(r){if(i)return;let{startGuestSession:l}=await s.request(ge,{displayName:r});i=l.token,u={id:l.account.id,displayName:l.account.displayName},o.save({token:i,expiresAt:l.expiresAt}),v()}async function x(r,l,_){try{await y(l);let G={articleId:R.id,body:r,parentId:_,clientMutationId:ue()},F;try{F=await s.request(se,{input:G})}catch(V){if(!(V instanceof K)||V.code!=="NETWORK")throw V;F=await s.request(se,{input:G})}let O=F.postComment;return $.upsert(O)==="added"&&O.status==="VISIBLE"&&M(++h),O}catch(G){throw G instanceof K&&G.code==="UNAUTHENTICATED"&&!t.token?(o.clear(),i=null,u=null,P.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):f(G)}}let B=r=>r.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":r.status==="REJECTED"?"Your comment was not published.":"Your comment is posted.",P=oe({label:"Your comment",submitLabel:"Post comment",askName:()=>!i,async submit(r,l){let _=await x(r,l);P.message(B(_))}});function q(r){d(!1);let l=()=>d(!0),_=oe({label:`Your reply to ${r.data.author.displayName}`,submitLabel:"Post reply",askName:()=>!i,cancel:l,async submit(G,F){let O=await x(G,F,r.data.id);d(!0),P.message(B(O).replace("comment","reply"))}});r.replySlot.replaceChildren(_.form),p={view:r,composer:_},_.focus()}function d(r){if(!p)return;let{view:l}=p;l.replySlot.replaceChildren(),p=null,r&&l.replyButton.focus()}async function C(){let r=await s.request(pe,{slug:t.article,first:n,after:k,replies:3}),l=r.article?.comments;l&&(h=r.article.commentCount,M(h),$.appendPage(l.edges.map(_=>_.node)),k=l.pageInfo.endCursor??null,D.hidden=!l.pageInfo.hasNextPage)}async function c(r){r.moreReplies.disabled=!0;try{let l=await s.request(fe,{commentId:r.data.id,first:20,after:r.repliesCursor});l.comment&&$.appendReplies(r,l.comment.replies)}catch(l){E.textContent=f(l).message}finally{r.moreReplies.disabled=!1}}function m(r){I=Ne({endpoint:t.endpoint,articleId:R.id,after:r,token:()=>i,transport:t.transport??"auto",onState(l,_){e.dataset.liveState=l,e.dataset.liveTransport=_,b.textContent=Ke[l]},onEvent(l){if(l.sequence<=W)return;W=l.sequence;let _=$.upsert(l.comment),G=u!==null&&l.comment.author.id===u.id;_==="added"&&l.comment.status==="VISIBLE"&&M(++h),_==="hidden"&&M(Math.max(0,--h)),_==="added"&&!G&&g(te.describe(l.comment))},onRefused(l,_){b.textContent=`Live updates stopped: ${_}`,l==="UNAUTHENTICATED"&&!t.token&&(o.clear(),i=null,P.refresh())}})}function v(){if(!I)return;let r=I.cursor();I.close(),m(r)}D.addEventListener("click",()=>{D.disabled=!0,C().catch(r=>E.textContent=f(r).message).finally(()=>D.disabled=!1)});async function N(){let r;try{r=await s.request(ie,{slug:t.article})}catch(l){if(!(l instanceof K&&l.code==="UNAUTHENTICATED")||t.token)throw l;o.clear(),i=null,r=await s.request(ie,{slug:t.article})}if(!r.article){E.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}R=r.article,u=r.viewer??null,R.commentSettings.open?(a.append(P.form),P.refresh()):a.append(T("p",{text:"Comments on this article are closed."})),m(R.commentStreamCursor),await C(),e.dataset.ledeState="ready"}return N().catch(r=>{E.textContent=`Comments could not be loaded: ${f(r).message}`,e.dataset.ledeState="error"}),{destroy(){I?.close(),e.replaceChildren()}}}var De="__LEDE_GRAPHQL_PATH__",Ye=De.startsWith("/")?De:"/graphql",Je=document.currentScript?.src,Pe=new WeakSet;function Xe(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??Je??location.href,o=e.dataset.transport;return{article:t,endpoint:new URL(Ye,n).toString(),token:e.dataset.token||null,transport:o==="ws"||o==="sse"?o:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function We(e){if(Pe.has(e))return null;let t=Xe(e);return t?(Pe.add(e),Le(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function de(){for(let e of document.querySelectorAll("[data-lede-comments]"))We(e)}window.LedeComments={mount:We,mountAll:de};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",de):de();})();
