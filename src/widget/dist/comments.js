/* Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/) */
"use strict";(()=>{var qe=Object.defineProperty;var Ge=(e,t,n)=>t in e?qe(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var H=(e,t,n)=>Ge(e,typeof t!="symbol"?t+"":t,n);var K=class extends Error{constructor(n,o,i){super(n);H(this,"code",o);H(this,"retryAfter",i)}};function pe(e,t){return{async request(n,o){let i=t(),m;try{m=await fetch(e,{method:"POST",credentials:"omit",headers:{"content-type":"application/json",accept:"application/graphql-response+json, application/json",...i?{authorization:`Bearer ${i}`}:{}},body:JSON.stringify({query:n.toString(),variables:o})})}catch{throw new K("Lede could not be reached. Check your connection and try again.","NETWORK")}let A;try{A=await m.json()}catch{throw new K(`Lede answered ${m.status} without a GraphQL response.`,"NETWORK")}let k=A.errors?.[0];if(k)throw new K(k.message,k.extensions?.code??"INTERNAL_SERVER_ERROR",k.extensions?.retryAfter);if(!A.data)throw new K("Lede sent an empty answer.","INTERNAL_SERVER_ERROR");return A.data}}}function R(e,t={},...n){let o=document.createElement(e);t.class&&(o.className=t.class);for(let[i,m]of Object.entries(t.attrs??{}))m!==void 0&&o.setAttribute(i,m);t.text!==void 0&&(o.textContent=t.text);for(let[i,m]of Object.entries(t.on??{}))o.addEventListener(i,m);for(let i of n)i==null||i===!1||o.append(typeof i=="string"?document.createTextNode(i):i);return o}var He=0;function oe(e){return`lede-c-${e}-${++He}`}function fe(){let e=new Uint8Array(16);return crypto.getRandomValues(e),Array.from(e,t=>t.toString(16).padStart(2,"0")).join("")}var ge=`
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
`;function ae(e){let t=oe("body"),n=oe("name"),o=oe("message"),i=R("textarea",{attrs:{id:t,name:"body",required:"",maxlength:"5000","aria-describedby":o}}),m=R("input",{attrs:{id:n,name:"displayName",type:"text",maxlength:"60",autocomplete:"nickname"}}),A=R("div",{},R("label",{text:"Your name",attrs:{for:n}})," ",m),k=R("button",{text:e.submitLabel,attrs:{type:"submit"}}),W=R("div",{class:"lede-c-message",attrs:{id:o,role:"status","aria-live":"polite"}}),L=e.cancel?R("button",{text:"Cancel",attrs:{type:"button"},on:{click:()=>e.cancel()}}):null,w=R("form",{class:"lede-c-form",attrs:{novalidate:""}},A,R("label",{text:e.label,attrs:{for:t}}),i,R("div",{class:"lede-c-form-actions"},k,L),W),g=(E,S="info")=>{W.dataset.kind=S,W.textContent=E},s=()=>{A.hidden=!e.askName(),m.required=e.askName()},v=!1;return w.addEventListener("submit",E=>{if(E.preventDefault(),v)return;let S=i.value.trim(),N=m.value.trim();if(e.askName()&&!N){g("Please enter your name.","error"),m.focus();return}if(!S){g("Please write a comment first.","error"),i.focus();return}v=!0,k.disabled=!0,w.setAttribute("aria-busy","true"),g("Posting…"),e.submit(S,N).then(()=>{i.value="",s()},y=>{g(y.message,"error"),i.focus()}).finally(()=>{v=!1,k.disabled=!1,w.removeAttribute("aria-busy")})}),i.addEventListener("keydown",E=>{E.key==="Enter"&&(E.ctrlKey||E.metaKey)&&w.requestSubmit(),E.key==="Escape"&&e.cancel&&e.cancel()}),s(),{form:w,focus:()=>(e.askName()&&!m.value?m:i).focus(),message:g,refresh:s}}var J=class extends String{constructor(n,o){super(n);H(this,"__apiType");H(this,"value");H(this,"__meta__");this.value=n,this.__meta__=o}toString(){return this.value}},lt=new J(`
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
    `,{fragmentName:"WidgetComment"}),ie=new J(`
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
    `),ye=new J(`
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
}`),he=new J(`
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
}`),be=new J(`
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
    `),le=new J(`
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
}`),we=new J(`
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
}`);function B(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function X(e){return B(e)==="object"}function je(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function de(e,t){return e.length<124?e:t}var xe="graphql-transport-ws";var Q=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Q||{}),z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(z||{});function ve(e){if(!X(e))throw new Error(`Message is expected to be an object, but got ${B(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${B(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!X(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!X(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${B(e.payload.query)}`);if(e.payload.variables!=null&&!X(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${B(e.payload.variables)}`);if(e.payload.operationName!=null&&B(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${B(e.payload.operationName)}`);if(e.payload.extensions!=null&&!X(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${B(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!X(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${B(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!je(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${B(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ee(e,t){return ve(typeof e=="string"?JSON.parse(e,t):e)}function ee(e,t){return ve(e),JSON.stringify(e,t)}function Se(e){let{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:m=0,keepAlive:A=0,disablePong:k,connectionAckWaitTimeout:W=0,retryAttempts:L=5,retryWait:w=async function(T){let c=Math.pow(2,T);await new Promise(u=>setTimeout(u,c*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=ce,on:s,webSocketImpl:v,generateID:E=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,T=>{let c=Math.random()*16|0;return(T=="x"?c:c&3|8).toString(16)})},jsonMessageReplacer:S,jsonMessageReviver:N}=e,y;if(v){if(!Fe(v))throw new Error("Invalid WebSocket implementation provided");y=v}else typeof WebSocket<"u"?y=WebSocket:typeof global<"u"?y=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(y=window.WebSocket||window.MozWebSocket);if(!y)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let D=y,l=(()=>{let d=(()=>{let c={};return{on(u,x){return c[u]=x,()=>{delete c[u]}},emit(u){"id"in u&&c[u.id]?.(u)}}})(),T={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[d.emit,s.message]:[d.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:d.on,on(c,u){let x=T[c];return x.push(u),()=>{let I=x.indexOf(u);I>-1&&x.splice(I,1)}},emit(c,...u){for(let x of[...T[c]])x(...u)}}})();function h(d){let T=[l.on("error",c=>{T.forEach(u=>u()),d(c)}),l.on("closed",c=>{T.forEach(u=>u()),d(c)})];return()=>T.forEach(c=>c())}let V,_=0,p,f=!1,b=0,C=!1;async function j(){clearTimeout(p);let[d,T]=await(V??(V=new Promise((x,I)=>(async()=>{if(f){if(await w(b),!_)return V=void 0,I({code:1e3,reason:"All Subscriptions Gone"});b++}l.emit("connecting",f);let r=new D(typeof t=="function"?await t():t,xe),a,M;function G(){isFinite(A)&&A>0&&(clearTimeout(M),M=setTimeout(()=>{r.readyState===D.OPEN&&(r.send(ee({type:z.Ping})),l.emit("ping",!1,void 0))},A))}h(O=>{V=void 0,clearTimeout(a),clearTimeout(M),I(O),O instanceof se&&(r.close(4499,"Terminated"),r.onerror=null,r.onclose=null)}),r.onerror=O=>l.emit("error",O),r.onclose=O=>l.emit("closed",O),r.onopen=async()=>{try{l.emit("opened",r);let O=typeof n=="function"?await n():n;if(r.readyState!==D.OPEN)return;r.send(ee(O?{type:z.ConnectionInit,payload:O}:{type:z.ConnectionInit},S)),isFinite(W)&&W>0&&(a=setTimeout(()=>{r.close(Q.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},W)),G()}catch(O){l.emit("error",O),r.close(Q.InternalClientError,de(O instanceof Error?O.message:String(O),"Internal client error"))}};let U=!1;r.onmessage=({data:O})=>{try{let $=Ee(O,N);if(l.emit("message",$),$.type==="ping"||$.type==="pong"){l.emit($.type,!0,$.payload),$.type==="pong"?G():k||(r.send(ee($.payload?{type:z.Pong,payload:$.payload}:{type:z.Pong},S)),l.emit("pong",!1,$.payload));return}if(U)return;if($.type!==z.ConnectionAck)throw new Error(`First message cannot be of type ${$.type}`);clearTimeout(a),U=!0,l.emit("connected",r,$.payload,f),f=!1,b=0;let Y=new Promise((re,Ve)=>h(Ve));Y.catch(()=>{}),x([r,Y])}catch($){r.onmessage=null,l.emit("error",$),r.close(Q.BadResponse,de($ instanceof Error?$.message:String($),"Bad response"))}}})())));d.readyState===D.CLOSING&&await T;let c=()=>{},u=new Promise(x=>c=x);return[d,c,new Promise((x,I)=>{let r=h(I);d.readyState!==D.OPEN&&T.catch(I),u.then(()=>{if(r(),!_){let a=()=>d.close(1e3,"Normal Closure");isFinite(m)&&m>0?(clearTimeout(p),p=setTimeout(()=>{!_&&d.readyState===D.OPEN&&a()},m)):a()}x()})})]}function P(d){if(ce(d)&&(Be(d.code)||[Q.InternalServerError,Q.InternalClientError,Q.BadRequest,Q.BadResponse,Q.Unauthorized,Q.SubprotocolNotAcceptable,Q.SubscriberAlreadyExists,Q.TooManyInitialisationRequests].includes(d.code)))throw d;if(C)return!1;if(ce(d)&&d.code===1e3)return _>0;if(!L||b>=L||!g(d))throw d;return f=!0}o||(async()=>{for(_++;;)try{let[,,d]=await j();await d}catch(d){try{if(!P(d))return}catch(T){return i?.(T)}}})();function q(d,T){let c=E(d),u=!1,x=!1,I=()=>{_--,u=!0};return(async()=>{for(_++;;)try{let[r,a,M]=await j();if(u)return M.catch(()=>{}),a();let G=l.onMessage(c,U=>{switch(U.type){case z.Next:{T.next(U.payload);return}case z.Error:{x=!0,u=!0,T.error(U.payload),I();return}case z.Complete:{u=!0,I();return}}});r.send(ee({id:c,type:z.Subscribe,payload:d},S)),I=()=>{!u&&r.readyState===D.OPEN&&r.send(ee({id:c,type:z.Complete},S)),_--,u=!0,a()},await M.finally(G);return}catch(r){if(!P(r))return}})().then(()=>{x||T.complete()}).catch(r=>{T.error(r)}),()=>{u||I()}}return{on:l.on,subscribe:q,iterate(d){let T=[],c={done:!1,error:null,resolve:()=>{}},u=q(d,{next(I){T.push(I),c.resolve()},error(I){c.done=!0,c.error=I,c.resolve()},complete(){c.done=!0,c.resolve()}}),x=(async function*(){for(;;){for(T.length||await new Promise(r=>c.resolve=r);T.length;)yield T.shift();if(c.error)throw c.error;if(c.done)return}})();return x.throw=async I=>(c.done||(c.done=!0,c.error=I,c.resolve()),{done:!0,value:void 0}),x.return=async()=>(u(),{done:!0,value:void 0}),x},async dispose(){if(C=!0,V){let[d]=await V;d.close(1e3,"Normal Closure")}},terminate(){V&&l.emit("closed",new se)}}}var se=class extends Error{constructor(){super(...arguments);H(this,"name","TerminatedCloseEvent");H(this,"message","4499: Terminated");H(this,"code",4499);H(this,"reason","Terminated");H(this,"wasClean",!1)}};function ce(e){return X(e)&&"code"in e&&"reason"in e}function Be(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Fe(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ce(e){return typeof e=="object"&&e!==null}var Te="x-graphql-event-stream-token";function Re(e){if(e=e,e!=="next"&&e!=="complete")throw new Error(`Invalid stream event "${e}"`);return e}function Ae(e,t){if(t)try{t=JSON.parse(t)}catch{throw new Error("Invalid stream data")}if(e==="next"&&!t)throw new Error('Stream data must be an object for "next" events');return t||null}var Z;(function(e){e[e.NewLine=10]="NewLine",e[e.CarriageReturn=13]="CarriageReturn",e[e.Space=32]="Space",e[e.Colon=58]="Colon"})(Z||(Z={}));function Ne(){let e,t,n,o=!1,i={event:"",data:""},m=[],A=new TextDecoder;return function(W){if(e===void 0)e=W,t=0,n=-1;else{let g=new Uint8Array(e.length+W.length);g.set(e),g.set(W,e.length),e=g}let L=e.length,w=0;for(;t<L;){o&&(e[t]===Z.NewLine&&(w=++t),o=!1);let g=-1;for(;t<L&&g===-1;++t)switch(e[t]){case Z.Colon:n===-1&&(n=t-w);break;case Z.CarriageReturn:o=!0;case Z.NewLine:g=t;break}if(g===-1)break;if(w===g){if(i.event||i.data){if(!i.event)throw new Error("Missing message event");let s=Re(i.event),v=Ae(s,i.data);m.push({event:s,data:v}),i={event:"",data:""}}}else if(n>0){let s=e.subarray(w,g),v=A.decode(s.subarray(0,n)),E=n+(s[n+1]===Z.Space?2:1),S=A.decode(s.subarray(E));switch(v){case"event":i.event=S;break;case"data":i.data=i.data?i.data+`
`+S:S;break}}w=t,n=-1}if(w===L){e=void 0;let g=[...m];return m=[],g}else w!==0&&(e=e.subarray(w),t-=w)}}function ke(e){let{singleConnection:t=!1,lazy:n=!0,lazyCloseTimeout:o=0,onNonLazyError:i=console.error,generateID:m=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,f=>{let b=Math.random()*16|0;return(f=="x"?b:b&3|8).toString(16)})},retryAttempts:A=5,retry:k=async function(f){let b=1e3;for(let C=0;C<f;C++)b*=2;await new Promise(C=>setTimeout(C,b+Math.floor(Math.random()*2700+300)))},credentials:W="same-origin",referrer:L,referrerPolicy:w,onMessage:g,on:s}=e,v=e.fetchFn||fetch,E=e.abortControllerImpl||AbortController,S=(()=>{let p=!1,f=[];return{get disposed(){return p},onDispose(b){return p?(setTimeout(()=>b(),0),()=>{}):(f.push(b),()=>{f.splice(f.indexOf(b),1)})},dispose(){if(!p){p=!0;for(let b of[...f])b()}}}})(),N,y,D=0,l=null,h=0;async function V(){try{if(S.disposed)throw new Error("Client has been disposed");return await(y??(y=(async()=>{var p,f,b;if(l){if(await k(h),N.signal.aborted)throw new Error("Connection aborted by the client");h++}(p=s?.connecting)===null||p===void 0||p.call(s,!!l),N=new E;let C=S.onDispose(()=>N.abort());N.signal.addEventListener("abort",()=>{C(),y=void 0});let j=e,P=typeof j.url=="function"?await j.url(void 0):j.url;if(N.signal.aborted)throw new Error("Connection aborted by the client");let q=typeof j.headers=="function"?await j.headers(void 0):(f=j.headers)!==null&&f!==void 0?f:{};if(N.signal.aborted)throw new Error("Connection aborted by the client");let d;try{d=await v(P,{signal:N.signal,method:"PUT",credentials:W,referrer:L,referrerPolicy:w,headers:q})}catch(u){throw new F(u)}if(d.status!==201)throw new F(d);let T=await d.text();q[Te]=T;let c=await Ie({signal:N.signal,headers:q,credentials:W,referrer:L,referrerPolicy:w,url:P,fetchFn:v,onMessage:u=>{var x;(x=s?.message)===null||x===void 0||x.call(s,u),g?.(u)}});return(b=s?.connected)===null||b===void 0||b.call(s,!!l),c.waitForThrow().catch(()=>y=void 0),c})()))}catch(p){throw y=void 0,p}}t&&!n&&(async()=>{for(D++;;)try{let{waitForThrow:p}=await V();await p()}catch(p){if(S.disposed)return;if(!(p instanceof F)||(y=void 0,!A||h>=A))return i?.(p);l=p}})();function _(p,f,b){if(!t){let P=new E,q=S.onDispose(()=>{q(),P.abort()});return(async()=>{var d,T,c,u,x;let I=null,r=0;for(;;)try{if(I){if(await k(r),P.signal.aborted)throw new Error("Connection aborted by the client");r++}(d=s?.connecting)===null||d===void 0||d.call(s,!!I),(T=b?.connecting)===null||T===void 0||T.call(b,!!I);let a=e,M=typeof a.url=="function"?await a.url(p):a.url;if(P.signal.aborted)throw new Error("Connection aborted by the client");let G=typeof a.headers=="function"?await a.headers(p):(c=a.headers)!==null&&c!==void 0?c:{};if(P.signal.aborted)throw new Error("Connection aborted by the client");let{getResults:U}=await Ie({signal:P.signal,headers:{...G,"content-type":"application/json; charset=utf-8"},credentials:W,referrer:L,referrerPolicy:w,url:M,body:JSON.stringify(p),fetchFn:v,onMessage:O=>{var $,Y;($=s?.message)===null||$===void 0||$.call(s,O),(Y=b?.message)===null||Y===void 0||Y.call(b,O),g?.(O)}});(u=s?.connected)===null||u===void 0||u.call(s,!!I),(x=b?.connected)===null||x===void 0||x.call(b,!!I);for await(let O of U())I=null,r=0,f.next(O);return P.abort()}catch(a){if(P.signal.aborted)return;if(!(a instanceof F)||!A||r>=A)throw a;I=a}})().then(()=>f.complete()).catch(d=>f.error(d)),()=>P.abort()}D++;let C=new E,j=S.onDispose(()=>{j(),C.abort()});return(async()=>{let P=m();p={...p,extensions:{...p.extensions,operationId:P}};let q=null;for(;;){q=null;try{let{url:d,headers:T,getResults:c}=await V(),u;try{u=await v(d,{signal:C.signal,method:"POST",credentials:W,referrer:L,referrerPolicy:w,headers:{...T,"content-type":"application/json; charset=utf-8"},body:JSON.stringify(p)})}catch(x){throw new F(x)}if(u.status!==202)throw new F(u);q=async()=>{let x;try{let I=new E,r=S.onDispose(()=>{r(),I.abort()});x=await v(d+"?operationId="+P,{signal:I.signal,method:"DELETE",credentials:W,referrer:L,referrerPolicy:w,headers:T})}catch(I){throw new F(I)}if(x.status!==200)throw new F(x)};for await(let x of c({signal:C.signal,operationId:P}))l=null,h=0,f.next(x);return q=null,C.abort()}catch(d){if(C.signal.aborted)return await q?.();if(!(d instanceof F)||(n&&(y=void 0),!A||h>=A))throw C.abort(),d;l=d}finally{C.signal.aborted&&--D===0&&(isFinite(o)&&o>0?setTimeout(()=>{D||N.abort()},o):N.abort())}}})().then(()=>f.complete()).catch(P=>f.error(P)),()=>C.abort()}return{subscribe:_,iterate(p,f){let b=[],C={done:!1,error:null,resolve:()=>{}},j=_(p,{next(q){b.push(q),C.resolve()},error(q){C.done=!0,C.error=q,C.resolve()},complete(){C.done=!0,C.resolve()}},f),P=(async function*(){for(;;){for(b.length||await new Promise(d=>C.resolve=d);b.length;)yield b.shift();if(C.error)throw C.error;if(C.done)return}})();return P.throw=async q=>(C.done||(C.done=!0,C.error=q,C.resolve()),{done:!0,value:void 0}),P.return=async()=>(j(),{done:!0,value:void 0}),P},dispose(){S.dispose()}}}var F=class extends Error{constructor(t){let n,o;Ue(t)?(o=t,n="Server responded with "+t.status+": "+t.statusText):t instanceof Error?n=t.message:n=String(t),super(n),this.name=this.constructor.name,this.response=o}};function Ue(e){return Ce(e)&&typeof e.ok=="boolean"&&typeof e.status=="number"&&typeof e.statusText=="string"}async function Ie(e){let{signal:t,url:n,credentials:o,headers:i,body:m,referrer:A,referrerPolicy:k,fetchFn:W,onMessage:L}=e,w={},g={},s;try{s=await W(n,{signal:t,method:m?"POST":"GET",credentials:o,referrer:A,referrerPolicy:k,headers:{...i,accept:"text/event-stream"},body:m})}catch(S){throw new F(S)}if(!s.ok)throw new F(s);if(!s.body)throw new Error("Missing response body");let v=null,E;return(async()=>{var S;try{let N=Ne();for await(let y of Qe(s.body)){if(typeof y=="string")throw v=new Error(`Unexpected string chunk "${y}"`);let D;try{D=N(y)}catch(l){throw v=l}if(D)for(let l of D){try{L?.(l)}catch(V){throw v=V}let h=l.data&&"id"in l.data?l.data.id:"";switch(h in g||(g[h]=[]),l.event){case"next":h?g[h].push(l.data.payload):g[h].push(l.data);break;case"complete":g[h].push("complete");break;default:throw v=new Error(`Unexpected message event "${l.event}"`)}(S=w[h])===null||S===void 0||S.proceed()}}if(Object.keys(w).length)throw new Error("Connection closed while having active streams")}catch(N){!v&&Object.keys(w).length?v=new F(N):v=N,E?.(v)}finally{Object.values(w).forEach(({proceed:N})=>N())}})(),{url:n,headers:i,waitForThrow:()=>new Promise((S,N)=>{if(v)return N(v);E=N}),async*getResults(S){var N;let{signal:y,operationId:D=""}=S??{};try{for(;;){for(;!((N=g[D])===null||N===void 0)&&N.length;){let l=g[D].shift();if(l==="complete")return;yield l}if(v)throw v;if(y?.aborted)throw new Error("Getting results aborted by the client");await new Promise(l=>{let h=()=>{y?.removeEventListener("abort",h),delete w[D],l()};y?.addEventListener("abort",h),w[D]={proceed:h}})}}finally{delete g[D]}}}}function Qe(e){return typeof Object(e)[Symbol.asyncIterator]=="function"?(e=e,e):(async function*(){let t=e.getReader(),n;do n=await t.read(),n.value!==void 0&&(yield n.value);while(!n.done)})()}var ze=2,Ke=1e4,Ye=5e3;function Le(e){let t=e.after,n=e.transport==="sse"||typeof WebSocket>"u"?"sse":"ws",o=!1,i=0,m=0,A=null,k,W=!1,L=l=>e.onState(l,n),w=()=>({query:we.toString(),variables:{articleId:e.articleId,after:t}});function g(){if(clearTimeout(k),W)return;if(!navigator.onLine){L("offline");return}L(m===0?"connecting":"reconnecting");let l=!1,h={next(_){if(l)return;let p=_.errors?.[0];if(p)return s(String(p.extensions?.code??"INTERNAL_SERVER_ERROR"),p.message);let f=_.data?.commentEvents;f&&(m=0,t=f.cursor,e.onEvent(f))},error(_){if(l)return;if(l=!0,Array.isArray(_)){let f=_[0];return s(f?.extensions?.code??"INTERNAL_SERVER_ERROR",f?.message??"refused")}if(_?.code===4403)return s("UNAUTHENTICATED","The sign-in token is not valid");v()},complete(){l||(l=!0,v())}},V=n==="ws"?S(h):N(h);A=()=>{l=!0,V()}}function s(l,h){E(),L("stopped"),e.onRefused(l,h)}function v(){if(E(),W||(n==="ws"&&!o&&e.transport==="auto"&&++i>=ze&&(n="sse"),m++,L(navigator.onLine?"reconnecting":"offline"),!navigator.onLine))return;let l=Math.min(3e4,500*2**Math.min(m-1,6))+Math.random()*500;k=setTimeout(g,l)}function E(){let l=A;A=null,l?.()}function S(l){let h,V=e.token(),_=Se({url:e.endpoint.replace(/^http/,"ws"),connectionParams:V?{authorization:`Bearer ${V}`}:{},lazy:!0,retryAttempts:0,keepAlive:Ke,on:{connected:()=>{o=!0,L("live")},ping:f=>{f||(h=setTimeout(()=>_.terminate(),Ye))},pong:f=>{f&&clearTimeout(h)},closed:()=>clearTimeout(h)}}),p=_.subscribe(w(),l);return()=>{clearTimeout(h),p(),_.dispose()}}function N(l){let h=e.token(),V=ke({url:e.endpoint,credentials:"omit",retryAttempts:0,headers:()=>h?{authorization:`Bearer ${h}`}:{},on:{connected:()=>L("live")}}),_=V.subscribe(w(),l);return()=>{_(),V.dispose()}}let y=()=>{E(),clearTimeout(k),L("offline")},D=()=>{W||(E(),m=0,g())};return addEventListener("offline",y),addEventListener("online",D),g(),{cursor:()=>t,close(){W=!0,clearTimeout(k),removeEventListener("offline",y),removeEventListener("online",D),E(),L("stopped")}}}var De={connecting:"Connecting…",live:"Live: new comments appear as they are posted.",reconnecting:"Connection lost; reconnecting…",offline:"You are offline; new comments will appear when you are back.",stopped:"Live updates are off."};function te(e){return e instanceof K?e.code==="RATE_LIMITED"?new Error(`You are posting quickly; please wait ${e.retryAfter??3} s and try again.`):e.code==="FORBIDDEN"?new Error(e.message||"You cannot comment here."):e:new Error("Something went wrong. Please try again.")}function ue(e){return e.status==="PENDING"?"Thank you. Your comment is awaiting moderation; only you can see it for now.":e.status==="REJECTED"?"Your comment was not published.":"Your comment is posted."}function Pe(e){let t=`lede-comments:guest:${e}`,n=null;return{load(){let o=n;try{let i=localStorage.getItem(t);i&&(o=JSON.parse(i))}catch{}return!o||typeof o.token!="string"||Date.parse(o.expiresAt)<=Date.now()?null:o},save(o){n=o;try{localStorage.setItem(t,JSON.stringify(o))}catch{}},clear(){n=null;try{localStorage.removeItem(t)}catch{}}}}var Je={BANNED_WORD:"it contains a word that is not allowed",SUSPECT_WORD:"a word in it needs a second look",TOO_MANY_LINKS:"it has many links",PREMODERATED_ARTICLE:"every comment on this article is reviewed first",NEW_ACCOUNT:"comments from new accounts are reviewed first",FLAGS:"readers reported it",MODERATOR:"a moderator decided"},Xe=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),ne=class{constructor(t,n){H(this,"list",t);H(this,"hooks",n);H(this,"views",new Map)}mine(t){let n=this.hooks.viewerId();return n!==null&&t.author.id===n}shown(t){return t.status==="VISIBLE"||t.removed||this.mine(t)}appendPage(t){for(let n of t){let o=this.views.get(n.id)??this.create(n);o.item.isConnected||this.list.append(o.item),n.replies&&this.appendReplies(o,n.replies)}}appendReplies(t,n){let o=t.replies.querySelector(":scope > [data-live]");for(let{node:i}of n.edges){let m=this.views.get(i.id)??this.create(i);m.item.isConnected||t.replies.insertBefore(m.item,o)}t.repliesCursor=n.pageInfo.endCursor??t.repliesCursor,t.repliesHaveMore=n.pageInfo.hasNextPage,this.refreshMoreReplies(t)}upsert(t){let n=this.views.get(t.id);if(n)return this.shown(t)?(n.data=t,this.fill(n),"updated"):(n.item.remove(),this.views.delete(t.id),"hidden");if(!this.shown(t)||t.removed)return"ignored";let o=t.parent?this.views.get(t.parent.id):void 0;if(t.parent&&!o)return"ignored";let i=this.create(t);return i.item.dataset.live="",o?(o.replies.append(i.item),o.data={...o.data,replyCount:o.data.replyCount+1}):this.list.prepend(i.item),"added"}create(t){let n=R("ol",{class:"lede-c-replies",attrs:{"aria-label":"Replies"}}),o={data:t,item:R("li",{class:"lede-c-comment",attrs:{"data-comment-id":t.id}}),replySlot:R("div"),replyButton:R("button",{class:"lede-c-link",text:"Reply",attrs:{type:"button"}}),replies:n,moreReplies:R("button",{class:"lede-c-link",attrs:{type:"button",hidden:""}}),repliesCursor:null,repliesHaveMore:t.replyCount>0};return o.replyButton.addEventListener("click",()=>this.hooks.reply(o)),o.moreReplies.addEventListener("click",()=>this.hooks.loadReplies(o)),this.views.set(t.id,o),this.fill(o),o}fill(t){let n=t.data,o=`lede-c-author-${n.id}`,i=this.mine(n)&&(n.status==="PENDING"||n.status==="REJECTED")?n.status:null,m=R("div",{class:"lede-c-meta"},R("span",{class:"lede-c-author",text:n.author.displayName,attrs:{id:o}}),R("time",{text:Xe.format(new Date(n.createdAt)),attrs:{datetime:n.createdAt}}),n.editedAt?R("span",{text:"(edited)"}):null,i?R("span",{class:"lede-c-badge",attrs:{"data-status":i},text:i==="PENDING"?"Awaiting moderation":"Not published"}):null),A=R("p",{class:"lede-c-body",text:n.removed?"This comment was removed.":n.body??""}),k=n.moderation?.at(-1),W=i&&k?R("p",{class:"lede-c-reasons",text:"Only you can see this comment"+(k.reasons.length?`: ${k.reasons.map(L=>Je[L.rule]??L.rule.toLowerCase()).join("; ")}.`:".")+(k.note?` ${k.note}`:"")}):null;t.replyButton.hidden=n.status!=="VISIBLE"||n.removed||!this.hooks.canReply(),t.replyButton.setAttribute("aria-label",`Reply to ${n.author.displayName}`),t.item.classList.toggle("lede-c-removed",n.removed),t.item.replaceChildren(R("article",{attrs:{"aria-labelledby":o}},m,A,W,R("div",{class:"lede-c-actions"},t.replyButton),t.replySlot,t.replies,t.moreReplies)),this.refreshMoreReplies(t)}refreshMoreReplies(t){let n=t.replies.children.length,o=Math.max(0,t.data.replyCount-n);t.moreReplies.hidden=!t.repliesHaveMore||o===0,t.moreReplies.textContent=o===1?"Show 1 more reply":`Show ${o} more replies`}static describe(t){let n=(t.body??"").slice(0,140);return`${t.parent?"New reply":"New comment"} from ${t.author.displayName}: ${n}`}};var We=!1;function Me(e,t){We||(document.head.append(R("style",{text:ge,attrs:{"data-lede-comments-styles":""}})),We=!0);let n=t.pageSize??10,o=Pe(t.endpoint),i=t.token??o.load()?.token??null,m=null,A=null,k=null,W=-1,L=null,w=0,g=0,s=null,v=new Map,E=pe(t.endpoint,()=>i),S=R("h2",{text:"Comments"}),N=R("div",{class:"lede-c-sr",attrs:{"aria-live":"polite","aria-atomic":"true"}}),y=R("p",{class:"lede-c-live"}),D=R("p",{class:"lede-c-message",attrs:{role:"status"}}),l=R("ol",{class:"lede-c-list",attrs:{"aria-label":"Comments"}}),h=R("button",{text:"Show more comments",attrs:{type:"button",hidden:""}}),V=R("div"),_=R("section",{class:"lede-c",attrs:{"aria-label":"Reader comments"}});_.append(S,V,D,y,l,h,N),e.replaceChildren(_),e.dataset.ledeState="loading";let p=new ne(l,{viewerId:()=>m?.id??null,canReply:()=>A?.commentSettings.open??!1,reply:r=>q(r),loadReplies:r=>{c(r)}}),f=r=>S.textContent=r===1?"1 comment":`${r} comments`,b=r=>{N.textContent="",setTimeout(()=>N.textContent=r,50)};async function C(r){if(i)return;let{startGuestSession:a}=await E.request(be,{displayName:r});i=a.token,m={id:a.account.id,displayName:a.account.displayName},o.save({token:i,expiresAt:a.expiresAt}),x()}async function j(r,a,M){try{await C(a);let G=`${M??""}
${r}`,U=v.get(G)??fe();v.set(G,U);let O={articleId:A.id,body:r,parentId:M,clientMutationId:U},$;try{$=await E.request(le,{input:O})}catch(re){if(!(re instanceof K)||re.code!=="NETWORK")throw re;$=await E.request(le,{input:O})}let Y=$.postComment;return v.delete(G),p.upsert(Y)==="added"&&Y.status==="VISIBLE"&&f(++w),Y}catch(G){throw G instanceof K&&G.code==="UNAUTHENTICATED"&&!t.token?(o.clear(),i=null,m=null,P.refresh(),new Error("Your guest session has ended. Please enter your name and post again.")):te(G)}}let P=ae({label:"Your comment",submitLabel:"Post comment",askName:()=>!i,async submit(r,a){let M=await j(r,a);P.message(ue(M))}});function q(r){d(!1);let a=()=>d(!0),M=ae({label:`Your reply to ${r.data.author.displayName}`,submitLabel:"Post reply",askName:()=>!i,cancel:a,async submit(G,U){let O=await j(G,U,r.data.id);d(!0),P.message(ue(O).replace("comment","reply"))}});r.replySlot.replaceChildren(M.form),s={view:r,composer:M},M.focus()}function d(r){if(!s)return;let{view:a}=s;a.replySlot.replaceChildren(),s=null,r&&a.replyButton.focus()}async function T(){let r=await E.request(ye,{slug:t.article,first:n,after:L,replies:3}),a=r.article?.comments;a&&(w=r.article.commentCount,f(w),p.appendPage(a.edges.map(M=>M.node)),L=a.pageInfo.endCursor??null,h.hidden=!a.pageInfo.hasNextPage)}async function c(r){r.moreReplies.disabled=!0;try{let a=await E.request(he,{commentId:r.data.id,first:20,after:r.repliesCursor});a.comment&&p.appendReplies(r,a.comment.replies)}catch(a){D.textContent=te(a).message}finally{r.moreReplies.disabled=!1}}function u(r){k=Le({endpoint:t.endpoint,articleId:A.id,after:r,token:()=>i,transport:t.transport??"auto",onState(a,M){e.dataset.liveState=a,e.dataset.liveTransport=M,y.textContent=De[a]},onEvent(a){if(a.sequence<=W)return;W=a.sequence;let M=p.upsert(a.comment),G=m!==null&&a.comment.author.id===m.id;M==="added"&&a.comment.status==="VISIBLE"&&f(++w),M==="hidden"&&f(Math.max(0,--w)),M==="added"&&!G&&b(ne.describe(a.comment))},onRefused(a,M){if(a==="UNAUTHENTICATED"&&!t.token&&i){o.clear(),i=null,m=null,P.refresh(),u(k.cursor());return}if(a==="BAD_USER_INPUT"&&g++<3){E.request(ie,{slug:t.article}).then(G=>{W=-1,G.article&&u(G.article.commentStreamCursor)},()=>y.textContent=`Live updates stopped: ${M}`);return}y.textContent=`Live updates stopped: ${M}`}})}function x(){if(!k)return;let r=k.cursor();k.close(),u(r)}h.addEventListener("click",()=>{h.disabled=!0,T().catch(r=>D.textContent=te(r).message).finally(()=>h.disabled=!1)});async function I(){let r;try{r=await E.request(ie,{slug:t.article})}catch(a){if(!(a instanceof K&&a.code==="UNAUTHENTICATED")||t.token)throw a;o.clear(),i=null,r=await E.request(ie,{slug:t.article})}if(!r.article){D.textContent="Comments are not available for this article.",e.dataset.ledeState="error";return}A=r.article,m=r.viewer??null,A.commentSettings.open?(V.append(P.form),P.refresh()):V.append(R("p",{text:"Comments on this article are closed."})),u(A.commentStreamCursor),await T(),e.dataset.ledeState="ready"}return I().catch(r=>{D.textContent=`Comments could not be loaded: ${te(r).message}`,e.dataset.ledeState="error"}),{destroy(){k?.close(),e.replaceChildren()}}}var _e="__LEDE_GRAPHQL_PATH__",Ze=_e.startsWith("/")?_e:"/graphql",et=document.currentScript?.src,Oe=new WeakSet;function tt(e){let t=e.dataset.article;if(!t)return null;let n=e.dataset.ledeUrl??et??location.href,o=e.dataset.transport;return{article:t,endpoint:new URL(Ze,n).toString(),token:e.dataset.token||null,transport:o==="ws"||o==="sse"?o:"auto",pageSize:Math.min(100,Math.max(1,Number(e.dataset.pageSize)||10))}}function $e(e){if(Oe.has(e)||e.dataset.ledeState)return null;let t=tt(e);return t?(Oe.add(e),Me(e,t)):(console.error("Lede comments: the element needs a data-article attribute (the article's slug)",e),null)}function me(){for(let e of document.querySelectorAll("[data-lede-comments]"))$e(e)}window.LedeComments={mount:$e,mountAll:me};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",me):me();})();
