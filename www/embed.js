/*
 * embed.js: embeds of the asyncio playground in any page (docs/embedding.md).
 *
 *   <script src="https://SITE/embed.js" defer></script>
 *
 * - Resizes every iframe[data-asyncio-playground] to the height its page
 *   posts ({type: 'asyncio-playground:height', height}), accepting a message
 *   only from that iframe's window and its src's origin, once a frame at most;
 *   an embed that posted before this script ran is asked to post again
 *   ({type: 'asyncio-playground:ask-height'}).
 * - Turns every <pre data-asyncio-playground> into an embed running its code
 *   (or a lesson, with data-scenario), and sets the src of every
 *   iframe[data-asyncio-playground][data-src], when it comes within about one
 *   viewport of the screen: ten embeds in a post do not start ten engines.
 *
 * The site is the folder this script comes from, unless a data-playground
 * attribute (on the element or an ancestor, or on this script) names another.
 * No dependencies, no storage, no cookies; plain ES2017.
 */
(function () {
  'use strict';
  if (window.asyncioPlaygroundEmbed) return; // the script included twice
  window.asyncioPlaygroundEmbed = true;

  var MARK = 'data-asyncio-playground';
  var MESSAGE = 'asyncio-playground:height';
  var ASK = 'asyncio-playground:ask-height';
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  var OPTIONS = ['view', 'theme', 'autorun', 'mode', 'speed'];
  var PRE_VIEW = 'code,controls,output,timeline';

  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src]');
    for (var i = all.length - 1; i >= 0 && !script; i--) {
      if (/embed\.js(?:[?#].*)?$/.test(all[i].src)) script = all[i];
    }
  }

  /** The playground's address for `element`, ending in '/' unless it names a file. */
  function siteBase(element) {
    var named = element.closest('[data-playground]');
    var value = named ? named.getAttribute('data-playground') : script && script.getAttribute('data-playground');
    var url = new URL(value || './', value ? document.baseURI : script ? script.src : location.href);
    url.search = '';
    url.hash = '';
    if (!/\/$|\.html?$/.test(url.pathname)) url.pathname += '/';
    return url.href;
  }

  /* ---- Heights ---- */

  var pending = new Map();
  var frameRequested = false;

  function applyHeights() {
    frameRequested = false;
    pending.forEach(function (height, iframe) {
      var css = height + 'px';
      if (iframe.style.height !== css) iframe.style.height = css;
    });
    pending.clear();
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== MESSAGE || !event.source) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0) return;
    var frames = document.querySelectorAll('iframe[' + MARK + ']');
    for (var i = 0; i < frames.length; i++) {
      var iframe = frames[i];
      if (iframe.contentWindow !== event.source || !iframe.src) continue;
      if (new URL(iframe.src, document.baseURI).origin !== event.origin) return;
      pending.set(iframe, Math.min(Math.ceil(height), 100000));
      if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(applyHeights);
      }
      return;
    }
  });

  /** Embeds already in the page may have posted their height before this
   * script listened: ask them again (a page not loaded yet posts on its own). */
  function askHeights() {
    var frames = document.querySelectorAll('iframe[' + MARK + '][src]');
    for (var i = 0; i < frames.length; i++) {
      try {
        var origin = new URL(frames[i].src, document.baseURI).origin;
        if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: ASK }, origin);
      } catch (e) {
        // A src without an origin (about:, data:): nothing to ask.
      }
    }
  }
  askHeights();

  /* ---- Code blocks ---- */

  /** The pre's text without its leading and trailing blank lines and common indent. */
  function programText(pre) {
    var lines = pre.textContent.replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && !lines[0].trim()) lines.shift();
    while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    var indent = Infinity;
    lines.forEach(function (line) {
      if (line.trim()) indent = Math.min(indent, /^[ \t]*/.exec(line)[0].length);
    });
    return lines.map(function (line) { return line.slice(indent === Infinity ? 0 : indent); }).join('\n') + '\n';
  }

  /** base64url of the UTF-8 of `text`, without padding. */
  function base64url(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function encode(value) {
    return encodeURIComponent(value).replace(/%2C/g, ',');
  }

  /** The embed's address for a <pre data-asyncio-playground>. */
  function preSource(pre, code) {
    var query = [];
    var scenario = pre.getAttribute('data-scenario');
    if (scenario) query.push('scenario=' + encode(scenario));
    query.push('embed=1');
    OPTIONS.forEach(function (name) {
      var value = pre.getAttribute('data-' + name);
      if (name === 'view' && value === null && !scenario) value = PRE_VIEW;
      if (name === 'autorun') value = value === null || /^(0|false|no)$/i.test(value) ? null : '1';
      if (value) query.push(name + '=' + encode(value));
    });
    if (scenario) {
      new URLSearchParams(pre.getAttribute('data-params') || '').forEach(function (value, key) {
        query.push(encode(key) + '=' + encode(value));
      });
    }
    return siteBase(pre) + '?' + query.join('&') + (scenario ? '' : '#code=' + base64url(code));
  }

  /** "asyncio playground: NAME" for a lesson, the first coroutine or first line of a program. */
  function preTitle(pre, code) {
    var named = pre.getAttribute('data-title') || pre.getAttribute('data-scenario');
    if (!named) {
      var coroutine = /^\s*async\s+def\s+(\w+)/m.exec(code);
      named = coroutine ? 'async def ' + coroutine[1] + '()' : code.split('\n')[0].trim().slice(0, 60);
    }
    return 'asyncio playground: ' + named;
  }

  function convert(pre) {
    var code = programText(pre);
    var iframe = document.createElement('iframe');
    if (pre.id) iframe.id = pre.id;
    iframe.setAttribute(MARK, '');
    iframe.setAttribute('title', preTitle(pre, code));
    iframe.setAttribute('width', '100%');
    iframe.setAttribute('height', pre.getAttribute('data-height') || '420');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.src = preSource(pre, code);
    pre.replaceWith(iframe);
  }

  function load(element) {
    if (element.tagName === 'PRE') convert(element);
    else element.src = element.getAttribute('data-src');
  }

  /* ---- Lazy loading ---- */

  var seen = new WeakSet();
  var observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (!entry.isIntersecting) return;
              observer.unobserve(entry.target);
              if (entry.target.isConnected) load(entry.target);
            });
          },
          { rootMargin: '100% 0px' },
        )
      : null;

  function scan() {
    var found = document.querySelectorAll(
      'pre[' + MARK + '], iframe[' + MARK + '][data-src]:not([src])',
    );
    for (var i = 0; i < found.length; i++) {
      if (seen.has(found[i])) continue;
      seen.add(found[i]);
      if (observer) observer.observe(found[i]);
      else load(found[i]);
    }
  }

  var scanQueued = false;
  new MutationObserver(function () {
    if (scanQueued) return;
    scanQueued = true;
    Promise.resolve().then(function () {
      scanQueued = false;
      scan();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
