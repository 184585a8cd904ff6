/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var Ve=Object.defineProperty;var qe=(e,t,n)=>t in e?Ve(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var H=(e,t,n)=>qe(e,typeof t!="symbol"?t+"":t,n);var K=class extends Error{constructor(n,r,s){super(n);H(this,"code",r);H(this,"retryAfter",s)}};function me(e,t){return{async request(n,r){let s=t(),u;try{u=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...s?{authorization:`Bearer ${s}`}:{}},body:JSON.stringify({query:n.toString(),variables:r})})}catch{throw new K("Lede could not be reached. Check your connection and try again.","NETWORK")}let R;try{R=await u.json()}catch{throw new K(`Lede answered ${u.status} without a GraphQL response.`,"NETWORK")}let I=R.errors?.[0];if(I)throw new K(I.message,I.extensions?.code??"INTERNAL_SERVER_ERROR",I.extensions?.retryAfter);if(!R.data)throw new K("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return R.data}}}function T(e,t={},...n){let r=document.createElement(e);t.class&&(r.className=t.class);for(let[s,u]of Object.entries(t.attrs??{}))u!==void 0&&r.setAttribute(s,u);t.text!==void 0&&(r.textContent=t.text);for(let[s,u]of Object.entries(t.on??{}))r.addEventListener(s,u);for(let s of n)s==null||s===!1||r.append(typeof s=="string"?document.createTextNode(s):s);return r}var Ge=0;function re(e){return`lede-c-${e}-${++Ge}`}function pe(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var fe=`
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
`;function se(e){let t=re("body"),n=re("name"),r=re("message"),s=T("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":r}}),u=T("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),R=T("div",{},T("label",{text:"Your name",attrs:{for:n}})," ",u),I=T("button",{text:e.submitLabel,attrs:{type:"submit"}}),D=T("div",{class:"lede-c-message",attrs:{id:r,role:"status","aria-live":"polite"}}),k=e.cancel?T("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,x=T("form",{class:"lede-c-form",attrs:{novalidate:""}},R,T("label",{text:e.label,attrs:{for:t}}),s,T("div",{class:"lede-c-form-actions"},I,k),D),g=(L,v="info")=>{D.dataset.kind=v,D.textContent=L},a=()=>{R.hidden=!e.askName(),u.required=e.askName()},f=!1;return x.addEventListener("submit",L=>{if(L.preventDefault(),f)return;let v=s.value.trim(),A=u.value.trim();if(e.askName()&&!A){g("Please enter your name.","error"),u.focus();return}if(!v){g("Please write a comment first.","error"),s.focus();return}f=!0,I.disabled=!0,x.setAttribute("aria-busy","true"),g("Posting…"),e.submit(v,A).then(()=>{s.value="",a()},y=>{g(y.message,"error"),s.focus()}).finally(()=>{f=!1,I.disabled=!1,x.removeAttribute("aria-busy")})}),s.addEventListener("keydown",L=>{L.key==="Enter"&&(L.ctrlKey||L.metaKey)&&x.requestSubmit(),L.key==="Escape"&&e.cancel&&e.cancel()}),a(),{form:x,focus:()=>(e.askName()&&!u.value?u:s).focus(),message:g,refresh:a}}var Y=class extends String{constructor(n,r){super(n);H(this,"__apiType");H(this,"value");H(this,"__meta__");this.value=n,this.__meta__=r}toString(){return this.value}},lt=new Y(`
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
    `,{fragmentName:"WidgetComment"}),oe=new Y(`
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
    `),ge=new Y(`
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
}`),ye=new Y(`
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
}`),he=new Y(`
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
    `),ae=new Y(`
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
}`),be=new Y(`
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
}`);function B(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function J(e){return B(e)==="object"}function He(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function le(e,t){return e.length<124?e:t}var we="graphql-transport-ws";var U=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(U||{}),Q=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Q||{});function xe(e){if(!J(e))throw new Error(`Message is expected to be an object, but got ${B(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${B(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${B(e.payload.query)}`);if(e.payload.variables!=null&&!J(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${B(e.payload.variables)}`);if(e.payload.operationName!=null&&B(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${B(e.payload.operationName)}`);if(e.payload.extensions!=null&&!J(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${B(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!J(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!He(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function ve(e,t){return xe(typeof e=="string"?JSON.parse(e,t):e)}function ee(e,t){return xe(e),JSON.stringify(e,t)}function Ee(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:s=console.error,lazyCloseTimeout:u=0,keepAlive:R=0,disablePong:I,connectionAckWaitTimeout:D=0,retryAttempts:k=5,retryWait:x=async function(N){let c=Math.pow(2,N);await new Promise(p=>setTimeout(p,c*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=de,on:a,webSocketImpl:f,generateID:L=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,N=>{let c=Math.random()*16|0;return(N=="x"?c:c&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:A}=e,y;if(f){if(!Be(f))throw new Error("Invalid WebSocket implementation provided");y=f}else typeof WebSocket<"u"?y=WebSocket:typeof global<"u"?y=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(y=window.WebSocket||window.MozWebSocket);if(!y)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let W=y,l=(()=>{let d=(()=>{let c={};return{on(p,C){return c[p]=C,()=>{delete c[p]}},emit(p){"id"in p&&c[p.id]?.(p)}}})(),N={connecting:a?.connecting?[a.connecting]:[],opened:a?.opened?[a.opened]:[],connected:a?.connected?[a.connected]:[],ping:a?.ping?[a.ping]:[],pong:a?.pong?[a.pong]:[],message:a?.message?[d.emit,a.message]:[d.emit],closed:a?.closed?[a.closed]:[],error:a?.error?[a.error]:[]};return{onMessage:d.on,on(c,p){let C=N[c];return C.push(p),()=>{let i=C.indexOf(p);i>-1&&C.splice(i,1)}},emit(c,...p){for(let C of[...N[c]])C(...p)}}})();function E(d){let N=[l.on("error",c=>{N.forEach(p=>p()),d(c)}),l.on("closed",c=>{N.forEach(p=>p()),d(c)})];return()=>N.forEach(c=>c())}let $,P=0,m,h=!1,b=0,S=!1;async function G(){clearTimeout(m);let[d,N]=await($??($=new Promise((C,i)=>(async()=>{if(h){if(await x(b),!P)return $=void 0,i({code:1e3,reason:"All Subscriptions Gone"});b++}l.emit("connecting",h);let o=new W(typeof t=="function"?await t():t,we),w,V;function z(){isFinite(R)&&R>0&&(clearTimeout(V),V=setTimeout(()=>{o.readyState===W.OPEN&&(o.send(ee({type:Q.Ping})),l.emit("ping",!1,void 0))},R))}E(O=>{$=void 0,clearTimeout(w),clearTimeout(V),i(O),O instanceof ie&&(o.close(4499,"Terminated"),o.onerror=null,o.onclose=null)}),o.onerror=O=>l.emit("error",O),o.onclose=O=>l.emit("closed",O),o.onopen=async()=>{try{l.emit("opened",o);let O=typeof n=="function"?await n():n;if(o.readyState!==W.OPEN)return;o.send(ee(O?{type:Q.ConnectionInit,payload:O}:{type:Q.ConnectionInit},v)),isFinite(D)&&D>0&&(w=setTimeout(()=>{o.close(U.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},D)),z()}catch(O){l.emit("error",O),o.close(U.InternalClientError,le(O instanceof Error?O.message:String(O),"Internal client error"))}};let j=!1;o.onmessage=({data:O})=>{try{let q=ve(O,A);if(l.emit("message",q),q.type==="ping"||q.type==="pong"){l.emit(q.type,!0,q.payload),q.type==="pong"?z():I||(o.send(ee(q.payload?{type:Q.Pong,payload:q.payload}:{type:Q.Pong},v)),l.emit("pong",!1,q.payload));return}if(j)return;if(q.type!==Q.ConnectionAck)throw new Error(`First message cannot be of type ${q.type}`);clearTimeout(w),j=!0,l.emit("connected",o,q.payload,h),h=!1,b=0;let Z=new Promise((tt,$e)=>E($e));Z.catch(()=>{}),C([o,Z])}catch(q){o.onmessage=null,l.emit("error",q),o.close(U.BadResponse,le(q instanceof Error?q.message:String(q),"Bad response"))}}})())));d.readyState===W.CLOSING&&await N;let c=()=>{},p=new Promise(C=>c=C);return[d,c,new Promise((C,i)=>{let o=E(i);d.readyState!==W.OPEN&&N.catch(i),p.then(()=>{if(o(),!P){let w=()=>d.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(m),m=setTimeout(()=>{!P&&d.readyState===W.OPEN&&w()},u)):w()}C()})})]}function M(d){if(de(d)&&(je(d.code)||[U.InternalServerError,U.InternalClientError,U.BadRequest,U.BadResponse,U.Unauthorized,U.SubprotocolNotAcceptable,U.SubscriberAlreadyExists,U.TooManyInitialisationRequests].includes(d.code)))throw d;if(S)return!1;if(de(d)&&d.code===1e3)return P>0;if(!k||b>=k||!g(d))throw d;return h=!0}r||(async()=>{for(P++;;)try{let[,,d]=await G();await d}catch(d){try{if(!M(d))return}catch(N){return s?.(N)}}})();function _(d,N){let c=L(d),p=!1,C=!1,i=()=>{P--,p=!0};return(async()=>{for(P++;;)try{let[o,w,V]=await G();if(p)return V.catch(()=>{}),w();let z=l.onMessage(c,j=>{switch(j.type){case Q.Next:{N.next(j.payload);return}case Q.Error:{C=!0,p=!0,N.error(j.payload),i();return}case Q.Complete:{p=!0,i();return}}});o.send(ee({id:c,type:Q.Subscribe,payload:d},v)),i=()=>{!p&&o.readyState===W.OPEN&&o.send(ee({id:c,type:Q.Complete},v)),P--,p=!0,w()},await V.finally(z);return}catch(o){if(!M(o))return}})().then(()=>{C||N.complete()}).catch(o=>{N.error(o)}),()=>{p||i()}}return{on:l.on,subscribe:_,iterate(d){let N=[],c={done:!1,error:null,resolve:()=>{}},p=_(d,{next(i){N.push(i),c.resolve()},error(i){c.done=!0,c.error=i,c.resolve()},complete(){c.done=!0,c.resolve()}}),C=(async function*(){for(;;){for(N.length||await new Promise(o=>c.resolve=o);N.length;)yield N.shift();if(c.error)throw c.error;if(c.done)return}})();return C.throw=async i=>(c.done||(c.done=!0,c.error=i,c.resolve()),{done:!0,value:void 0}),C.return=async()=>(p(),{done:!0,value:void 0}),C},async dispose(){if(S=!0,$){let[d]=await $;d.close(1e3,"Normal Closure")}},terminate(){$&&l.emit("closed",new ie)}}}var ie=class extends Error{constructor(){super(...arguments);H(this,"name","TerminatedCloseEvent");H(this,"message","4499: Terminated");H(this,"code",4499);H(this,"reason","Terminated");H(this,"wasClean",!1)}};function de(e){return J(e)&&"code"in e&&"reason"in e}function je(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Be(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Se(e){return typeof e=="object"&&e!==null}var Ce="x-graphql-event-stream-token";function Te(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function Re(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var X;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(X||(X={}));function Ae(){let e,t,n,r=!1,s={event:"",data:""},u=[],R=new TextDecoder;return function(D){if(e===void 0)e=D,t=0,n=-1;else{let g=new Uint8Array(e.length+D.length);g.set(e),g.set(D,e.length),e=g}let k=e.length,x=0;for(;t<k;){r&&(e[t]===X.NewLine&&(x=++t),r=!1);let g=-1;for(;t<k&&g===-1;++t)switch(e[t]){case X.Colon:n===-1&&(n=t-x);break;case X.CarriageReturn:r=!0;case X.NewLine:g=t;break}if(g===-1)break;if(x===g){if(s.event||s.data){if(!s.event)throw new Error("Missing message event");let a=Te(s.event),f=Re(a,s.data);u.push({event:a,data:f}),s={event:"",data:""}}}else if(n>0){let a=e.subarray(x,g),f=R.decode(a.subarray(0,n)),L=n+(a[n+1]===X.Space?2:1),v=R.decode(a.subarray(L));switch(f){case"event":s.event=v;break;case"data":s.data=s.data?s.data+`
`+v:v;break}}x=t,n=-1}if(x===k){e=void 0;let g=[...u];return u=[],g}else x!==0&&(e=e.subarray(x),t-=x)}}function Ie(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:r=0,onNonLazyError:s=console.error,generateID:u=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,h=>{let b=Math.random()*16|0;return(h=="x"?b:b&3|8).toString(16)})},retryAttempts:R=5,retry:I=async function(h){let b=1e3;for(let S=0;S<h;S++)b*=2;await new Promise(S=>setTimeout(S,b+Math.floor(Math.random()*2700+300)))},credentials:D="same-origin",referrer:k,referrerPolicy:x,onMessage:g,on:a}=e,f=e.fetchFn||fetch,L=e.abortControllerImpl||AbortController,v=(()=>{let m=!1,h=[];return{get disposed(){return m},onDispose(b){return m?(setTimeout(()=>b(),0),()=>{}):(h.push(b),()=>{h.splice(h.indexOf(b),1)})},dispose(){if(!m){m=!0;for(let b of[...h])b()}}}})(),A,y,W=0,l=null,E=0;async function $(){try{if(v.disposed)throw new Error("Client has been disposed");return await(y??(y=(async()=>{var m,h,b;if(l){if(await I(E),A.signal.aborted)throw new Error("Connection aborted by the client");E++}(m=a?.connecting)===null||m===void 0||m.call(a,!!l),A=new L;let S=v.onDispose(()=>A.abort());A.signal.addEventListener("abort",()=>{S(),y=void 0});let G=e,M=typeof G.url=="function"?await G.url(void 0):G.url;if(A.signal.aborted)throw new Error("Connection aborted by the client");let _=typeof G.headers=="function"?await G.headers(void 0):(h=G.headers)!==null&&h!==void 0?h:{};if(A.signal.aborted)throw new Error("Connection aborted by the client");let d;try{d=await f(M,{signal:A.signal,method:"PUT",credentials:D,referrer:k,referrerPolicy:x,headers:_})}catch(p){throw new F(p)}if(d.status!==201)throw new F(d);let N=await d.text();_[Ce]=N;let c=await Ne({signal:A.signal,headers:_,credentials:D,referrer:k,referrerPolicy:x,url:M,fetchFn:f,onMessage:p=>{var C;(C=a?.message)===null||C===void 0||C.call(a,p),g?.(p)}});return(b=a?.connected)===null||b===void 0||b.call(a,!!l),c.waitForThrow().catch(()=>y=void 0),c})()))}catch(m){throw y=void 0,m}}t&&!n&&(async()=>{for(W++;;)try{let{waitForThrow:m}=await $();await m()}catch(m){if(v.disposed)return;if(!(m instanceof F)||(y=void 0,!R||E>=R))return s?.(m);l=m}})();function P(m,h,b){if(!t){let M=new L,_=v.onDispose(()=>{_(),M.abort()});return(async()=>{var d,N,c,p,C;let i=null,o=0;for(;;)try{if(i){if(await I(o),M.signal.aborted)throw new Error("Connection aborted by the client");o++}(d=a?.connecting)===null||d===void 0||d.call(a,!!i),(N=b?.connecting)===null||N===void 0||N.call(b,!!i);let w=e,V=typeof w.url=="function"?await w.url(m):w.url;if(M.signal.aborted)throw new Error("Connection aborted by the client");let z=typeof w.headers=="function"?await w.headers(m):(c=w.headers)!==null&&c!==void 0?c:{};if(M.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:j}=await Ne({signal:M.signal,headers:{...z,"content-type":"application/json; charset=utf-8"},credentials:D,referrer:k,referrerPolicy:x,url:V,body:JSON.stringify(m),fetchFn:f,onMessage:O=>{var q,Z;(q=a?.message)===null||q===void 0||q.call(a,O),(Z=b?.message)===null||Z===void 0||Z.call(b,O),g?.(O)}});(p=a?.connected)===null||p===void 0||p.call(a,!!i),(C=b?.connected)===null||C===void 0||C.call(b,!!i);for await(let O of j())i=null,o=0,h.next(O);return M.abort()}catch(w){if(M.signal.aborted)return;if(!(w instanceof F)||!R||o>=R)throw w;i=w}})().then(()=>h.complete()).catch(d=>h.error(d)),()=>M.abort()}W++;let S=new L,G=v.onDispose(()=>{G(),S.abort()});return(async()=>{let M=u();m={...m,extensions:{...m.extensions,operationId:M}};let _=null;for(;;){_=null;try{let{url:d,headers:N,getResults:c}=await $(),p;try{p=await f(d,{signal:S.signal,method:"POST",credentials:D,referrer:k,referrerPolicy:x,headers:{...N,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(m)})}catch(C){throw new F(C)}if(p.status!==202)throw new F(p);_=async()=>{let C;try{let i=new L,o=v.onDispose(()=>{o(),i.abort()});C=await f(d+"?operationId="+M,{signal:i.signal,method:"DELETE",credentials:D,referrer:k,referrerPolicy:x,headers:N})}catch(i){throw new F(i)}if(C.status!==200)throw new F(C)};for await(let C of c({signal:S.signal,operationId:M}))l=null,E=0,h.next(C);return _=null,S.abort()}catch(d){if(S.signal.aborted)return await _?.();if(!(d instanceof F)||(n&&(y=void 0),!R||E>=R))throw S.abort(),d;l=d}finally{S.signal.aborted&&--W===0&&(isFinite(r)&&r>0?setTimeout(()=>{W||A.abort()},r):A.abort())}}})().then(()=>h.complete()).catch(M=>h.error(M)),()=>S.abort()}return{subscribe:P,iterate(m,h){let b=[],S={done:!1,error:null,resolve:()=>{}},G=P(m,{next(_){b.push(_),S.resolve()},error(_){S.done=!0,S.error=_,S.resolve()},complete(){S.done=!0,S.resolve()}},h),M=(async function*(){for(;;){for(b.length||await new Promise(d=>S.resolve=d);b.length;)yield b.shift();if(S.error)throw S.error;if(S.done)return}})();return M.throw=async _=>(S.done||(S.done=!0,S.error=_,S.resolve()),{done:!0,value:void 0}),M.return=async()=>(G(),{done:!0,value:void 0}),M},dispose(){v.dispose()}}}var F=class extends Error{constructor(t){let n,r;Fe(t)?(r=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=r}};function Fe(e){return Se(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Ne(e){let{signal:t,url:n,credentials:r,headers:s,body:u,referrer:R,referrerPolicy:I,fetchFn:D,onMessage:k}=e,x={},g={},a;try{a=await D(n,{signal:t,method:u?"POST":"GET",credentials:r,referrer:R,referrerPolicy:I,headers:{...s,accept:"text/event-stream"},body:u})}catch(v){throw new F(v)}if(!a.ok)throw new F(a);if(!a.body)throw new Error("Missing response body");let f=null,L;return(async()=>{var v;try{let A=Ae();for await(let y of Ue(a.body)){if(typeof y=="string")throw f=new Error(`Unexpected string chunk "${y}"`);let W;try{W=A(y)}catch(l){throw f=l}if(W)for(let l of W){try{k?.(l)}catch($){throw f=$}let E=l.data&&"id"in l.data?l.data.id:"";switch(E in g||(g[E]=[]),l.event){case"next":E?g[E].push(l.data.payload):g[E].push(l.data);break;case"complete":g[E].push("complete");break;default:throw f=new Error(`Unexpected message event "${l.event}"`)}(v=x[E])===null||v===void 0||v.proceed()}}if(Object.keys(x).length)throw new Error("Connection closed while having active streams")}catch(A){!f&&Object.keys(x).length?f=new F(A):f=A,L?.(f)}finally{Object.values(x).forEach(({proceed:A})=>A())}})(),{url:n,headers:s,waitForThrow:()=>new Promise((v,A)=>{if(f)return A(f);L=A}),async*getResults(v){var A;let{signal:y,operationId:W=""}=v??{};try{for(;;){for(;!((A=g[W])===null||A===void 0)&&A.length;){let l=g[W].shift();if(l==="complete")return;yield l}if(f)throw f;if(y?.aborted)throw new Error("Getting results aborted by the client");await new Promise(l=>{let E=()=>{y?.removeEventListener("abort",E),delete x[W],l()};y?.addEventListener("abort",E),x[W]={proceed:E}})}}finally{delete g[W]}}}}function Ue(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var Qe=2,ze=1e4,Ke=5e3;function ke(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",r=!1,s=0,u=0,R=null,I,D=!1,k=l=>e.onState(l,n),x=()=>({query:be.toString(),variables:{articleId:e.articleId,after:t}});function g(){if(clearTimeout(I),D)return;if(!navigator.onLine){k("offline");return}k(u===0?"connecting":"reconnecting");let l=!1,E={next(P){if(l)return;let m=P.errors?.[0];if(m)return a(String(m.extensions?.code??"INTERNAL_SERVER_ERROR"),m.message);let h=P.data?.commentEvents;h&&(u=0,t=h.cursor,e.onEvent(h))},error(P){if(l)return;if(l=!0,Array.isArray(P)){let h=P[0];return a(h?.extensions?.code??"INTERNAL_SERVER_ERROR",h?.message??"refused")}if(P?.code===4403)return a("UNAUTHENTICATED","The sign-in token is not valid");f()},complete(){l||(l=!0,f())}},$=n==="ws"?v(E):A(E);R=()=>{l=!0,$()}}function a(l,E){L(),k("stopped"),e.onRefused(l,E)}function f(){if(L(),D||(n==="ws"&&!r&&e.transport==="auto"&&++s>=Qe&&(n="sse"),u++,k(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let l=Math.min(3e4,500*2**Math.min(u-1,6))+Math.random()*500;I=setTimeout(g,l)}function L(){let l=R;R=null,l?.()}function v(l){let E,$=e.token(),P=Ee({url:e.endpoint.replace(/^http/,"ws"),connectionParams:$?{authorization:`Bearer ${$}`}:{},lazy:!0,retryAttempts:0,keepAlive:ze,on:{connected:()=>{r=!0,k("live")},ping:h=>{h||(E=setTimeout(()=>P.terminate(),Ke))},pong:h=>{h&&clearTimeout(E)},closed:()=>clearTimeout(E)}}),m=P.subscribe(x(),l);return()=>{clearTimeout(E),m(),P.dispose()}}function A(l){let E=e.token(),$=Ie({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>E?{authorization:`Bearer ${E}`}:{},on:{connected:()=>k("live")}}),P=$.subscribe(x(),l);return()=>{P(),$.dispose()}}let y=()=>{L(),clearTimeout(I),k("offline")},W=()=>{D||(L(),u=0,g())};return addEventListener("offline",y),addEventListener("online",W),g(),{cursor:()=>t,close(){D=!0,clearTimeout(I),removeEventListener("offline",y),removeEventListener("online",W),L(),k("stopped")}}}var Le={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."};function te(e){return e instanceof K?e.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${e.retryAfter??3} s and try again.`):e.code==="FORBIDDEN"?new Error(e.message||"You cannot comment here."):e:new Error("Something went wrong. Please try again.")}function ce(e){return e.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":e.status==="REJECTED"?"Your comment was not published.":"Your comment is posted."}function De(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let r=n;try{let s=localStorage.getItem(t);s&&(r=JSON.parse(s))}catch{}return!r||typeof r.token!="string"||Date.parse(r.expiresAt)<=Date.now()?null:r},save(r){n=r;try{localStorage.setItem(t,JSON.stringify(r))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var Ye={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},Je=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),ne=class{constructor(t,n){H(this,"list",t);H(this,"hooks",n);H(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}appendPage(t){for(let n of t){let r=this.views.get(n.id)??this.create(n);r.item.isConnected||this.list.append(r.item),n.replies&&this.appendReplies(r,n.replies)}}appendReplies(t,n){let r=t.replies.querySelector(":scope > [data-live]");for(let{node:s}of n.edges){let u=this.views.get(s.id)??this.create(s);u.item.isConnected||t.replies.insertBefore(u.item,r)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let r=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!r)return"ignored";let s=this.create(t);return s.item.dataset.live="",r?(r.replies.append(s.item),r.data={...r.data,replyCount:r.data.replyCount+1}):this.list.prepend(s.item),"added"}create(t){let n=T("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),r={data:t,item:T("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:T("div"),replyButton:T("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:T("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return r.replyButton.addEventListener("click",()=>this.hooks.reply(r)),r.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(r)),this.views.set(t.id,r),this.fill(r),r}fill(t){let n=t.data,r=`lede-c-author-${n.id}`,s=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,u=T("div",{class:"lede-c-meta"},T("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:r}}),T("time",{text:Je.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?T("span",{text:"(edited)"}):null,s?T("span",{class:"lede-c-badge",attrs:{"data-status":s},text:s==="PENDING"?"Awaiting moderation":"Not published"}):null),R=T("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),I=n.moderation?.at(-1),D=s&&I?T("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(I.reasons.length?`: ${I.reasons.map(k=>Ye[k.rule]??k.rule.toLowerCase()).join("; ")}.`:".")+(I.note?` ${I.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed),t.item.replaceChildren(T("article",{attrs:{"aria-labelledby":r}},u,R,D,T("div",{class:"lede-c-actions"},t.replyButton),t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,r=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||r===0,t.moreReplies.textContent=r===1?"Show 1 more reply":`Show ${r} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};var Pe=!1;function We(e,t){Pe||(document.head.append(T("style",{text:fe,attrs:{"data-lede-comments-styles":""}})),Pe=!0);let n=t.pageSize??10,r=De(t.endpoint),s=t.token??r.load()?.token??null,u=null,R=null,I=null,D=-1,k=null,x=0,g=0,a=null,f=me(t.endpoint,()=>s),L=T("h2",{text:"Comments"}),v=T("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),A=T("p",{class:"lede-c-live"}),y=T("p",{class:"lede-c-message",attrs:{role:"status"}}),W=T("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),l=T("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),E=T("div"),$=T("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}});$.append(L,E,y,A,W,l,v),e.replaceChildren($),e.dataset.ledeState="loading";let P=new ne(W,{viewerId:()=>u?.id??null,canReply:()=>R?.commentSettings.open??!1,reply:i=>M(i),loadReplies:i=>{N(i)}}),m=i=>L.textContent=i===1?"1 comment":`${i} comments`,h=i=>{v.textContent="",setTimeout(()=>v.textContent=i,50)};async function b(i){if(s)return;let{startGuestSession:o}=await f.request(he,{displayName:i});s=o.token,u={id:o.account.id,displayName:o.account.displayName},r.save({token:s,expiresAt:o.expiresAt}),p()}async function S(i,o,w){try{await b(o);let V={articleId:R.id,body:i,parentId:w,clientMutationId:pe()},z;try{z=await f.request(ae,{input:V})}catch(O){if(!(O instanceof K)||O.code!=="NETWORK")throw O;z=await f.request(ae,{input:V})}let j=z.postComment;return P.upsert(j)==="added"&&j.status==="VISIBLE"&&m(++x),j}catch(V){throw V instanceof K&&V.code==="UNAUTHENTICATED"&&!t.token?(r.clear(),s=null,u=null,G.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):te(V)}}let G=se({label:"Your comment",submitLabel:"Post comment",askName:()=>!s,async submit(i,o){let w=await S(i,o);G.message(ce(w))}});function M(i){_(!1);let o=()=>_(!0),w=se({label:`Your reply to ${i.data.author.displayName}`,submitLabel:"Post reply",askName:()=>!s,cancel:o,async submit(V,z){let j=await S(V,z,i.data.id);_(!0),G.message(ce(j).replace("comment","reply"))}});i.replySlot.replaceChildren(w.form),a={view:i,composer:w},w.focus()}function _(i){if(!a)return;let{view:o}=a;o.replySlot.replaceChildren(),a=null,i&&o.replyButton.focus()}async function d(){let i=await f.request(ge,{slug:t.article,first:n,after:k,replies:3}),o=i.article?.comments;o&&(x=i.article.commentCount,m(x),P.appendPage(o.edges.map(w=>w.node)),k=o.pageInfo.endCursor??null,l.hidden=!o.pageInfo.hasNextPage)}async function N(i){i.moreReplies.disabled=!0;try{let o=await f.request(ye,{commentId:i.data.id,first:20,after:i.repliesCursor});o.comment&&P.appendReplies(i,o.comment.replies)}catch(o){y.textContent=te(o).message}finally{i.moreReplies.disabled=!1}}function c(i){I=ke({endpoint:t.endpoint,articleId:R.id,after:i,token:()=>s,transport:t.transport??"auto",onState(o,w){e.dataset.liveState=o,e.dataset.liveTransport=w,A.textContent=Le[o]},onEvent(o){if(o.sequence<=D)return;D=o.sequence;let w=P.upsert(o.comment),V=u!==null&&o.comment.author.id===u.id;w==="added"&&o.comment.status==="VISIBLE"&&m(++x),w==="hidden"&&m(Math.max(0,--x)),w==="added"&&!V&&h(ne.describe(o.comment))},onRefused(o,w){if(o==="UNAUTHENTICATED"&&!t.token&&s){r.clear(),s=null,u=null,G.refresh(),c(I.cursor());return}if(o==="BAD_USER_INPUT"&&g++<3){f.request(oe,{slug:t.article}).then(V=>{D=-1,V.article&&c(V.article.commentStreamCursor)},()=>A.textContent=`Live updates stopped: ${w}`);return}A.textContent=`Live updates stopped: ${w}`}})}function p(){if(!I)return;let i=I.cursor();I.close(),c(i)}l.addEventListener("click",()=>{l.disabled=!0,d().catch(i=>y.textContent=te(i).message).finally(()=>l.disabled=!1)});async function C(){let i;try{i=await f.request(oe,{slug:t.article})}catch(o){if(!(o instanceof K&&o.code==="UNAUTHENTICATED")||t.token)throw o;r.clear(),s=null,i=await f.request(oe,{slug:t.article})}if(!i.article){y.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}R=i.article,u=i.viewer??null,R.commentSettings.open?(E.append(G.form),G.refresh()):E.append(T("p",{text:"Comments on this article are closed."})),c(R.commentStreamCursor),await d(),e.dataset.ledeState="ready"}return C().catch(i=>{y.textContent=`Comments could not be loaded: ${te(i).message}`,e.dataset.ledeState="error"}),{destroy(){I?.close(),e.replaceChildren()}}}var Me="__LEDE_GRAPHQL_PATH__",Xe=Me.startsWith("/")?Me:"/graphql",Ze=document.currentScript?.src,_e=new WeakSet;function et(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??Ze??location.href,r=e.dataset.transport;return{article:t,endpoint:new URL(Xe,n).toString(),token:e.dataset.token||null,transport:r==="ws"||r==="sse"?r:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function Oe(e){if(_e.has(e)||e.dataset.ledeState)return null;let t=et(e);return t?(_e.add(e),We(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function ue(){for(let e of document.querySelectorAll("[data-lede-comments]"))Oe(e)}window.LedeComments={mount:Oe,mountAll:ue};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ue):ue();})();
