/*
 * Shymkent ties: the dashboard's map, drawn from the rows dashboard/mapview/data.py sends.
 *
 * streamlit-folium loads this file (with Leaflet) before the map script, which calls
 * ShymkentMap.init(map, data, options). Python drives the map afterwards through
 * ShymkentMap.command(...) (st_folium's feature_group_to_add, evaluated only when it changes),
 * and hears back through st_folium's component value: the map's zoom and centre, and
 * "last_object_clicked_tooltip", which carries "#sel=place:<key>", "#sel=link:<id>" or
 * "#pick=<lat>,<lon>" after a click.
 *
 * Safety: names come from articles and geocoders. They only ever enter the page through
 * textContent (never innerHTML), so a name like <img onerror=...> is shown, not run.
 *
 * Every place stays clickable at every zoom: markers that would overlap at the current zoom are
 * moved aside (with a thin leader line to where they really are), most-cited places first; what
 * cannot be moved within reach is grouped into one marker with a count that zooms in when clicked.
 * (Leaflet.markercluster's spiderfy does not work inside Streamlit's component iframe:
 * https://github.com/randyzwitch/streamlit-folium/issues/222.)
 */
(function () {
  "use strict";

  var GAP = 3;            // px between two markers' edges
  var MAX_SHIFT = 80;     // px a marker may move away from its place before it is grouped
  var MIN_RADIUS = 7;     // px: markers shrink at world scale, never below this (a finger's width)
  var GROUP_SHIFT = 220;  // px a group marker (or one of the busiest places) may move
  var ALWAYS_OWN = 50;    // the busiest places always get a marker of their own, further out if need be
  var GROUP_JOIN = 46;    // px: unplaced places this close join one group
  var CELL = 48;          // px: spatial grid for the overlap test
  var RING = {color: "#111111", weight: 3, extra: 5};
  var GLOW = {color: "#ffd400", opacity: 0.6, extra: 8};
  var NARROW_PX = 700;    // a page narrower than this is a phone: scroll to the panel after a tap
  var PLAY_STEP_MS = 900;
  var QUIET_MS = 2000;    // the page may send the rest of itself after this long without a user's input
  var QUIET_MAX_MS = 6000;

  var S = null;  // the one map of this iframe
  var api = window.ShymkentMap = {};

  // ------------------------------------------------------------------ small DOM helpers (text only)
  function el(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(tag, attrs, parent) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function tipNode(title, detail) {
    var box = el("div", "shymkent-tip");
    el("b", null, title, box);
    if (detail) { el("br", null, null, box); el("span", null, detail, box); }
    return box;
  }

  function month(day) { return day ? String(day).slice(0, 7) : ""; }

  // ------------------------------------------------------------------ great circles (= geometry.py)
  function arc(a, b, offset, P) {
    var R = Math.PI / 180;
    var p1 = a[0] * R, l1 = a[1] * R, p2 = b[0] * R, l2 = b[1] * R;
    var h = Math.pow(Math.sin((p2 - p1) / 2), 2) +
            Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((l2 - l1) / 2), 2);
    var d = 2 * Math.asin(Math.min(1, Math.sqrt(h))), sd = Math.sin(d);
    var steps = Math.max(2, Math.min(P.maxSteps, Math.floor(d * P.radiusKm / P.stepKm) + 1));
    var pts = [], prev = null;
    for (var i = 0; i <= steps; i++) {
      var f = i / steps, lat, lon;
      if (sd < 1e-9) { lat = a[0] + (b[0] - a[0]) * f; lon = a[1] + (b[1] - a[1]) * f; }
      else {
        var ka = Math.sin((1 - f) * d) / sd, kb = Math.sin(f * d) / sd;
        var x = ka * Math.cos(p1) * Math.cos(l1) + kb * Math.cos(p2) * Math.cos(l2);
        var y = ka * Math.cos(p1) * Math.sin(l1) + kb * Math.cos(p2) * Math.sin(l2);
        var z = ka * Math.sin(p1) + kb * Math.sin(p2);
        lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / R; lon = Math.atan2(y, x) / R;
      }
      if (i === 0) { lat = a[0]; lon = a[1]; }
      if (prev !== null) { while (lon - prev > 180) lon -= 360; while (lon - prev < -180) lon += 360; }
      prev = lon; pts.push([lat, lon]);
    }
    if (!offset) return pts;
    var n = pts.length - 1, dlat = pts[n][0] - pts[0][0], dlon = pts[n][1] - pts[0][1];
    return pts.map(function (p, j) {
      var k = offset * Math.sin(Math.PI * j / n);
      return [p[0] - dlon * k, p[1] + dlat * k];
    });
  }

  // ------------------------------------------------------------------ layout: spread, then group
  function groupRadius(n) { return Math.min(22, 11 + 3 * Math.sqrt(n)); }

  /* Markers shrink at world scale, where a world of places shares a few hundred pixels. */
  function radiusAt(r, z) {
    return Math.min(r, Math.max(MIN_RADIUS, r * Math.min(1, 0.4 + 0.15 * Math.max(0, z))));
  }

  /* Where every shown place goes at zoom z, in projected pixels (independent of panning).
     Returns {pos: [per place: {x, y, ox, oy, r} | {group: g} | null], groups: [...]}. */
  function layout(z) {
    var map = S.map, grid = {}, maxR = S.maxRadius + GAP;
    function free(x, y, r) {
      var reach = Math.ceil((r + maxR) / CELL), cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
      for (var i = cx - reach; i <= cx + reach; i++) {
        for (var j = cy - reach; j <= cy + reach; j++) {
          var cell = grid[i + ":" + j];
          if (!cell) continue;
          for (var k = 0; k < cell.length; k++) {
            var q = cell[k], dx = q.x - x, dy = q.y - y, need = r + q.r + GAP;
            if (dx * dx + dy * dy < need * need) return false;
          }
        }
      }
      return true;
    }
    function put(x, y, r) {
      var key = Math.floor(x / CELL) + ":" + Math.floor(y / CELL);
      (grid[key] = grid[key] || []).push({x: x, y: y, r: r});
    }
    function search(x, y, r, reach) {
      if (free(x, y, r)) return {x: x, y: y};
      // Rings a marker's radius apart, spots about a diameter apart on each: enough to find a gap,
      // few enough that 1,700 places at world scale are laid out in tens of milliseconds.
      var step = Math.max(4, r);
      for (var d = step; d <= reach; d += step) {
        var n = Math.max(8, Math.ceil(Math.PI * d / Math.max(6, r)));
        for (var k = 0; k < n; k++) {
          var a = -Math.PI / 2 + 2 * Math.PI * k / n;
          var cx = x + d * Math.cos(a), cy = y + d * Math.sin(a);
          if (free(cx, cy, r)) return {x: cx, y: cy};
        }
      }
      return null;
    }
    var pos = new Array(S.places.length), unplaced = [];
    S.places.forEach(function (p) {
      if (!p.shown) { pos[p.i] = null; return; }
      var o = map.project(p.ll, z), r = radiusAt(p.r, z), spot = search(o.x, o.y, r, MAX_SHIFT);
      if (!spot && p.i < ALWAYS_OWN) spot = search(o.x, o.y, r, GROUP_SHIFT);
      if (spot) { put(spot.x, spot.y, r); pos[p.i] = {x: spot.x, y: spot.y, ox: o.x, oy: o.y, r: r}; }
      else unplaced.push({p: p, o: o, r: r});
    });
    var groups = [];
    unplaced.forEach(function (u) {
      var g = null;
      for (var k = 0; k < groups.length && !g; k++) {
        var dx = groups[k].ox - u.o.x, dy = groups[k].oy - u.o.y;
        if (dx * dx + dy * dy < GROUP_JOIN * GROUP_JOIN) g = groups[k];
      }
      if (!g) { g = {ox: u.o.x, oy: u.o.y, members: []}; groups.push(g); }
      g.members.push(u.p);
    });
    var placed = [];
    groups = groups.filter(function (g) {  // a "group" of one: the place itself, a little further out
      if (g.members.length > 1) return true;
      var p = g.members[0], r = radiusAt(p.r, z), spot = search(g.ox, g.oy, r, GROUP_SHIFT);
      if (!spot) return true;
      put(spot.x, spot.y, r);
      pos[p.i] = {x: spot.x, y: spot.y, ox: g.ox, oy: g.oy, r: r};
      return false;
    });
    groups.forEach(function (g) {
      g.r = groupRadius(g.members.length);
      var spot = search(g.ox, g.oy, g.r, GROUP_SHIFT);
      if (spot) { put(spot.x, spot.y, g.r); g.x = spot.x; g.y = spot.y; placed.push(g); }
    });
    groups.forEach(function (g) {  // no room even for a group: fold it into the nearest one
      if (g.x !== undefined) return;
      var best = null, bestD = Infinity;
      placed.forEach(function (h) {
        var d = (h.x - g.ox) * (h.x - g.ox) + (h.y - g.oy) * (h.y - g.oy);
        if (d < bestD) { bestD = d; best = h; }
      });
      if (best) { best.members = best.members.concat(g.members); best.r = groupRadius(best.members.length); }
      else { g.x = g.ox; g.y = g.oy; placed.push(g); }
    });
    placed.forEach(function (g) { g.members.forEach(function (p) { pos[p.i] = {group: g}; }); });
    return {pos: pos, groups: placed, zoom: z};
  }

  function relayout() {
    var map = S.map, z = map.getZoom(), lay = layout(z);
    S.layout = lay;
    S.leaders.clearLayers();
    S.groupLayer.clearLayers();
    S.places.forEach(function (p) {
      var at = lay.pos[p.i];
      p.group = at && at.group ? at.group : null;
      if (!at || at.group) {
        if (p.onMap) { p.marker.remove(); p.onMap = false; }
        return;
      }
      var ll = map.unproject([at.x, at.y], z);
      p.drawn = ll;
      p.rz = at.r;
      p.marker.setLatLng(ll);
      p.marker.setRadius(at.r);
      if (!p.onMap) { p.marker.addTo(map); p.onMap = true; }
      var dx = at.x - at.ox, dy = at.y - at.oy, shift = Math.sqrt(dx * dx + dy * dy);
      if (shift > 1) {
        var edge = map.unproject([at.x - dx * at.r / shift, at.y - dy * at.r / shift], z);
        L.polyline([p.ll, edge], {renderer: S.renderer, color: "#3d4651", weight: 1, opacity: 0.75,
                                  interactive: false}).addTo(S.leaders).bringToBack();
        L.circleMarker(p.ll, {renderer: S.renderer, radius: 2.2, stroke: false, fillColor: "#3d4651",
                              fillOpacity: 0.9, interactive: false}).addTo(S.leaders).bringToBack();
      }
    });
    lay.groups.forEach(function (g) {
      var ll = map.unproject([g.x, g.y], z);
      g.ll = ll;
      var names = g.members.map(function (p) { return p.names.split(" · ")[0]; });
      var shown = names.slice(0, 6).join(", ") + (names.length > 6 ? ", …" : "");
      var circle = L.circleMarker(ll, {renderer: S.renderer, radius: g.r, color: "#ffffff", weight: 2,
                                       fillColor: "#4a4f57", fillOpacity: 0.92,
                                       className: "shymkent-group"});
      circle.bindTooltip(tipNode(g.members.length + " places here: " + shown, "Click to zoom in"),
                         {sticky: true});
      circle.on("click", function (e) { L.DomEvent.stopPropagation(e); zoomInto(g); });
      circle.shymkentGroup = g;
      circle.addTo(S.groupLayer);
      var label = el("span", null, String(g.members.length));
      L.marker(ll, {icon: L.divIcon({className: "shymkent-group-count", html: label,
                                      iconSize: [g.r * 2, g.r * 2]}),
                    interactive: false, keyboard: false}).addTo(S.groupLayer);
    });
    drawSelection();
  }

  function zoomInto(g) {
    touched();
    var b = L.latLngBounds(g.members.map(function (p) { return p.ll; }));
    var z = Math.max(S.map.getBoundsZoom(b, false, L.point(120, 120)), S.map.getZoom() + 1);
    S.map.flyTo(b.getCenter(), Math.min(z, S.map.getMaxZoom()), {duration: 0.6});
  }

  // ------------------------------------------------------------------ the opening view
  /* The Kazakh side and its partners, fitted after the spreading: the spread markers, not only the
     places, must be inside the map so that every one can be clicked. */
  function fitOpening() {
    var map = S.map, fit = S.data.fit;
    if (!fit) { map.setView([35, 60], 2, {animate: false}); return; }
    // Room for the controls: zoom buttons and playback at the top, legend button and credits below.
    var bounds = L.latLngBounds(fit), size = map.getSize(), side = 16, top = 72, bottom = 44;
    var ends = S.places.filter(function (p) { return p.fit; });
    var z = Math.min(7, map.getBoundsZoom(bounds, false, L.point(2 * side + 40, top + bottom + 40)));
    var snap = map.options.zoomSnap || 1, minZ = map.getMinZoom() || 0;
    for (; z >= minZ; z -= snap) {
      var lay = layout(z), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      ends.forEach(function (p) {
        var at = lay.pos[p.i];
        if (!at) return;
        var x = at.group ? at.group.x : at.x, y = at.group ? at.group.y : at.y;
        var r = at.group ? at.group.r : at.r;
        x0 = Math.min(x0, x - r); y0 = Math.min(y0, y - r); x1 = Math.max(x1, x + r); y1 = Math.max(y1, y + r);
      });
      if (x1 - x0 <= size.x - 2 * side && y1 - y0 <= size.y - top - bottom) {
        var cy = (y0 + y1) / 2 - (top - bottom) / 2;  // the free band's middle, not the map's
        map.setView(map.unproject([(x0 + x1) / 2, cy], z), z, {animate: false});
        S.fitted = {zoom: map.getZoom(), center: map.getCenter()};
        return;
      }
    }
    map.fitBounds(bounds, {animate: false});
    S.fitted = {zoom: map.getZoom(), center: map.getCenter()};
  }

  /* The map's width changes when the page around it fills in (the sidebar arrives after the map):
     an opening view nobody has moved yet is fitted again, so no place is left outside it. */
  function refitIfUntouched() {
    if (!S.fitted || S.touched) return;
    fitOpening();
    if (S.ready) relayout();
  }

  /* Once the user has moved the map (or the page has flown it to a selection), it stays put. */
  function touched() { S.touched = true; }

  // ------------------------------------------------------------------ selection
  function drawSelection() {
    if (S.ring) { S.ring.remove(); S.ring = null; }
    var sel = S.selection;
    if (!sel) return;
    if (sel.kind === "place") {
      var p = S.byKey[sel.id];
      if (!p || !p.shown) return;
      var ll = p.group ? p.group.ll : p.drawn || p.ll, r = p.group ? p.group.r : p.rz || p.r;
      S.ring = L.circleMarker(ll, {renderer: S.renderer, radius: r + RING.extra, color: RING.color,
                                   weight: RING.weight, fill: false, interactive: false,
                                   className: "shymkent-selected"}).addTo(S.map);
    } else {
      var line = S.lineById[sel.id];
      if (!line || !line.visible) return;
      S.ring = L.polyline(line.path, {renderer: S.renderer, color: GLOW.color, opacity: GLOW.opacity,
                                      weight: line.weight + GLOW.extra, interactive: false,
                                      className: "shymkent-selected"}).addTo(S.map);
      S.ring.bringToBack();
    }
  }

  function zoomToPlace(p) {
    var map = S.map, z0 = map.getZoom(), top = Math.min(12, map.getMaxZoom()), snap = 0.5, z = top;
    for (var t = Math.max(z0, 3); t <= top; t += snap) {
      var at = layout(t).pos[p.i];
      if (at && !at.group && Math.sqrt(Math.pow(at.x - at.ox, 2) + Math.pow(at.y - at.oy, 2)) <= at.r) {
        z = t;
        break;
      }
    }
    var inside = map.getBounds().pad(-0.15).contains(p.ll);
    if (z <= z0 && inside) return;  // already there: do not move the map under the user
    map.flyTo(p.ll, Math.max(z, z0), {duration: 0.8});
  }

  function zoomToLine(line) {
    var b = L.latLngBounds(line.path).extend(line.a.ll).extend(line.b.ll);
    S.map.flyToBounds(b, {padding: [50, 50], maxZoom: 8, duration: 0.8});
  }

  function select(kind, id, fly) {
    S.selection = kind ? {kind: kind, id: id} : null;
    drawSelection();
    if (!fly || !kind) return;
    touched();
    if (kind === "place" && S.byKey[id]) zoomToPlace(S.byKey[id]);
    if (kind === "link" && S.lineById[id]) zoomToLine(S.lineById[id]);
  }

  // ------------------------------------------------------------------ telling Streamlit
  /* st_folium tells Streamlit of a click 250 ms late (a debounce meant for panning) and reads the
     tooltip's text. We send at once, in st_folium's own format and key order (its
     updateComponentValue), so its later call finds nothing new. */
  var ST_FOLIUM_KEYS = ["last_clicked", "last_object_clicked", "last_object_clicked_count",
    "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings", "last_active_drawing",
    "last_geocoder_result", "bounds", "zoom", "last_circle_radius", "last_circle_polygon", "center",
    "selected_layers", "selected_tags"];

  function send() {
    var g = window.__GLOBAL_DATA__, St = window.Streamlit, map = S.map;
    if (!g || !St || !g.returned_objects || g.wrap_longitude) return;
    var all = {last_object_clicked_tooltip: g.last_object_clicked_tooltip, bounds: map.getBounds(),
               zoom: map.getZoom(), center: map.getCenter()};
    if (g.returned_objects.some(function (k) { return !(k in all); })) return;  // leave it to st_folium
    var data = {};
    ST_FOLIUM_KEYS.forEach(function (k) { if (g.returned_objects.indexOf(k) >= 0) data[k] = all[k]; });
    if (JSON.stringify(g.previous_data) !== JSON.stringify(data)) {
      g.previous_data = data;
      St.setComponentValue(data);
    }
  }

  function tell(message) {
    S.clicks += 1;
    var text = S.mount + "." + S.clicks + " " + message;
    // After every click handler (st_folium's own sets the tooltip text too): ours is the value.
    setTimeout(function () {
      var g = window.__GLOBAL_DATA__;
      if (!g) return;
      g.last_object_clicked_tooltip = text;
      send();
    }, 0);
  }

  /* On a phone the panel is far below the map: bring it into view once it shows the tapped place.
     The page may still grow above it for a moment (the search and pickers are filled last), so it
     is scrolled again while it moves, for at most two seconds after it appeared. */
  function scrollToPanel(sel) {
    try {
      var top = window.parent;
      if (!top || top === window || top.innerWidth > NARROW_PX) return;
      var tries = 0, since = null, lastTop = null;
      var timer = setInterval(function () {
        tries += 1;
        var found = null;
        top.document.querySelectorAll("[data-selection]").forEach(function (node) {
          if (node.getAttribute("data-selection") === sel) found = node;
        });
        if (found) {
          if (since === null) since = tries;
          var t = found.getBoundingClientRect().top;
          if (lastTop === null || Math.abs(t - lastTop) > 2) {
            found.scrollIntoView({block: "start"});
            lastTop = found.getBoundingClientRect().top;
          }
        }
        if (tries > 150 || (since !== null && tries - since > 20)) clearInterval(timer);
      }, 100);
    } catch (err) { /* another origin: the page scrolls itself or not at all */ }
  }

  function clicked(kind, id) {
    select(kind, id, false);
    tell("#sel=" + kind + ":" + id);
    scrollToPanel(kind + ":" + id);
  }

  // ------------------------------------------------------------------ picking a point
  function setPicking(label) {
    S.picking = label || null;
    S.map.getContainer().classList.toggle("shymkent-picking", !!S.picking);
    if (S.picking) notice("pick", "Click the map where \u201c" + S.picking + "\u201d is.");
    else notice("pick", null);
    if (!S.picking && S.pin) { S.pin.remove(); S.pin = null; }
  }

  function picked(latlng) {
    if (S.pin) S.pin.remove();
    S.pin = L.circleMarker(latlng, {renderer: S.renderer, radius: 7, color: "#111", weight: 2,
                                    fillColor: "#ffd400", fillOpacity: 1, interactive: false}).addTo(S.map);
    var w = latlng.wrap();
    tell("#pick=" + w.lat.toFixed(5) + "," + w.lng.toFixed(5));
  }

  // ------------------------------------------------------------------ notices over the map
  function notice(id, text) {
    var box = S.notices;
    var node = box.querySelector('[data-notice="' + id + '"]');
    if (!text) { if (node) node.remove(); return; }
    if (!node) { node = el("div", "shymkent-notice", null, box); node.setAttribute("data-notice", id); }
    node.textContent = text;
  }

  // ------------------------------------------------------------------ basemaps
  function outlines() {
    if (S.outlines) return;
    S.outlines = true;
    var o = S.opts;
    fetch(o.countriesUrl).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (gj) {
      L.geoJSON(gj, {pane: "shymkentBase", interactive: false,
                     renderer: L.canvas({pane: "shymkentBase", padding: 0.5}),
                     style: function () { return o.land; }}).addTo(S.map);
      S.map.attributionControl.addAttribution(o.outlineAttribution);
      S.timing.outlines = performance.now();
    }).catch(function () { notice("outlines", "The country outlines could not be loaded."); });
  }

  function tiles() {
    var t = S.opts.tiles, ok = 0, bad = 0;
    var layer = L.tileLayer(t.url, {attribution: t.attribution, maxZoom: 19});
    layer.on("tileload", function () { ok += 1; notice("tiles", null); });
    layer.on("tileerror", function () {
      bad += 1;
      if (!ok && bad >= 2 && !S.tilesFailed) {
        S.tilesFailed = true;
        S.map.getContainer().setAttribute("data-tiles-failed", "true");
        notice("tiles", "OpenStreetMap tiles cannot be loaded (no internet connection?). " +
               "Country outlines are drawn instead; choose them under Basemap in the sidebar.");
        outlines();
      }
    });
    layer.addTo(S.map);
  }

  // ------------------------------------------------------------------ legend (collapses on a phone)
  function legend() {
    var d = S.data, control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var box = el("div", "shymkent-legend");
      var button = el("button", "shymkent-legend-toggle", "Legend", box);
      button.type = "button";
      var body = el("div", "shymkent-legend-body", null, box);
      d.legendRoles.forEach(function (r) {
        var row = el("div", null, null, body);
        var dot = el("span", "dot", null, row);
        dot.style.background = r.color;
        row.appendChild(document.createTextNode(r.label));
      });
      d.legendKinds.forEach(function (k) {
        var row = el("div", null, null, body);
        var s = svg("svg", {width: 28, height: 8}, row);
        svg("line", {x1: 0, y1: 4, x2: 28, y2: 4, stroke: k.color, "stroke-width": 3,
                     "stroke-dasharray": k.dash || "none"}, s);
        row.appendChild(document.createTextNode(k.name));
      });
      el("div", "shymkent-legend-note", "Thin line: a marker moved aside from its place. " +
         "Dark disc with a number: places grouped here (click to zoom in).", body);
      function setOpen(open) {
        box.classList.toggle("collapsed", !open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.textContent = open ? "Legend \u25be" : "Legend \u25b8";
      }
      // Closed at first: open, it covers places in the map's corner (and a sixth of a phone's map).
      setOpen(false);
      button.addEventListener("click", function () { setOpen(box.classList.contains("collapsed")); });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(S.map);
  }

  // ------------------------------------------------------------------ time playback
  function monthsBetween(a, b) {
    var out = [], y = +a.slice(0, 4), m = +a.slice(5, 7);
    while (out.length < 600) {
      var s = y + "-" + (m < 10 ? "0" : "") + m;
      out.push(s);
      if (s >= b) break;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function playback() {
    var firsts = [];
    S.lines.forEach(function (l) { if (l.first) firsts.push(month(l.first)); });
    S.places.forEach(function (p) { if (p.first) firsts.push(month(p.first)); });
    if (!firsts.length) return;
    firsts.sort();
    var months = monthsBetween(firsts[0], firsts[firsts.length - 1]);
    var counts = months.map(function () { return 0; });
    S.lines.forEach(function (l) {
      var i = months.indexOf(month(l.first));
      if (i >= 0) counts[i] += 1;
    });
    var top = Math.max.apply(null, counts.concat([1]));
    S.play = {months: months, index: months.length, timer: null};

    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = el("div", "shymkent-play");
      var chart = svg("svg", {class: "shymkent-play-chart", viewBox: "0 0 " + months.length * 4 + " 24",
                              preserveAspectRatio: "none", "aria-hidden": "true"}, box);
      S.play.bars = months.map(function (m, i) {
        var h = counts[i] ? 4 + 20 * counts[i] / top : 1;
        return svg("rect", {x: i * 4, y: 24 - h, width: 3.2, height: h, "data-month": m,
                            "data-count": counts[i], class: "shymkent-play-bar"}, chart);
      });
      var row = el("div", "shymkent-play-row", null, box);
      var button = el("button", "shymkent-play-button", "\u25b6", row);
      button.type = "button";
      button.setAttribute("aria-label", "Play the relations month by month");
      var slider = el("input", "shymkent-play-slider", null, row);
      slider.type = "range"; slider.min = "0"; slider.max = String(months.length); slider.step = "1";
      slider.value = String(months.length);
      slider.setAttribute("aria-label", "Month");
      var label = el("span", "shymkent-play-label", "All dates", row);
      S.play.button = button; S.play.slider = slider; S.play.label = label; S.play.box = box;
      slider.addEventListener("input", function () { stop(); show(+slider.value); });
      button.addEventListener("click", function () {
        if (S.play.timer) { stop(); return; }
        if (S.play.index >= months.length) show(0);
        button.textContent = "\u275a\u275a";
        button.setAttribute("aria-label", "Pause");
        S.play.timer = setInterval(function () {
          show(S.play.index + 1);
          if (S.play.index >= months.length) stop();
        }, PLAY_STEP_MS);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(S.map);
  }

  function stop() {
    if (!S.play) return;
    if (S.play.timer) clearInterval(S.play.timer);
    S.play.timer = null;
    S.play.button.textContent = "\u25b6";
    S.play.button.setAttribute("aria-label", "Play the relations month by month");
  }

  /* Month index i (months.length = every date, undated items included): lines and places appear
     in the month of their first event. */
  function show(i) {
    var P = S.play, all = i >= P.months.length;
    P.index = Math.max(0, Math.min(i, P.months.length));
    var upto = all ? null : P.months[P.index];
    P.slider.value = String(P.index);
    P.label.textContent = all ? "All dates" : "Up to " + upto;
    P.box.setAttribute("data-month", all ? "all" : upto);
    P.bars.forEach(function (b, k) { b.classList.toggle("on", all || k <= P.index); });
    S.lines.forEach(function (l) {
      var on = all || (!!l.first && month(l.first) <= upto);
      if (on === l.visible) return;
      l.visible = on;
      l.layer.options.interactive = on;
      l.layer.setStyle({opacity: on ? 0.85 : 0});
    });
    var changed = false;
    S.places.forEach(function (p) {
      var on = all || (!!p.first && month(p.first) <= upto);
      if (on !== p.shown) { p.shown = on; changed = true; }
    });
    if (changed) relayout(); else drawSelection();
  }

  /* The canvas gives a click to the last drawn line within reach; where lines run together the
     one under the pointer is the nearest one. */
  function nearestLine(pt) {
    var best = null, bestD = Infinity, reach = S.renderer.options.tolerance + 12;
    S.lines.forEach(function (l) {
      var b = l.layer._pxBounds;
      if (!l.visible || !b || pt.x < b.min.x - reach || pt.x > b.max.x + reach ||
          pt.y < b.min.y - reach || pt.y > b.max.y + reach) return;
      (l.layer._parts || []).forEach(function (part) {
        for (var i = 1; i < part.length; i++) {
          var d = L.LineUtil.pointToSegmentDistance(pt, part[i - 1], part[i]);
          if (d < bestD) { bestD = d; best = l; }
        }
      });
    });
    return best;
  }

  /* The page sends its sidebar and lower sections only after the map, once the user has left the
     map alone for a moment (see app.page_deferred): so that work never delays a first click. */
  function tellWhenQuiet() {
    var start = performance.now(), last = start, done = false;
    function poke() { last = performance.now(); }
    var docs = [document];
    try { if (window.parent && window.parent !== window) docs.push(window.parent.document); } catch (err) { /* */ }
    docs.forEach(function (d) {
      ["pointerdown", "keydown", "wheel", "touchstart"].forEach(function (ev) {
        d.addEventListener(ev, poke, {capture: true, passive: true});
      });
    });
    var timer = setInterval(function () {
      var now = performance.now();
      if (done || (now - last < QUIET_MS && now - start < QUIET_MAX_MS)) return;
      done = true;
      clearInterval(timer);
      tell("#quiet");
    }, 200);
  }

  // ------------------------------------------------------------------ building
  function build() {
    var map = S.map, d = S.data;
    S.lines.forEach(function (l) {
      l.path = arc([l.a.lat, l.a.lon], [l.b.lat, l.b.lon], d.arc.bend * l.side, d.arc);
      var period = l.first ? (l.last && l.last !== l.first ? l.first + " \u2013 " + l.last : l.first) : "";
      l.layer = L.polyline(l.path, {renderer: S.renderer, color: l.kind.color, dashArray: l.kind.dash,
                                    weight: l.weight, opacity: 0.85, lineCap: "round",
                                    className: "shymkent-link kind-" + l.kind.name});
      // Tooltip content made when it opens (a function): 11,000 lines need no 11,000 nodes up front.
      l.layer.bindTooltip(function () {
        return tipNode(l.a.names.split(" · ")[0] + " \u2014 " + l.b.names.split(" · ")[0],
                       l.kind.name + ", " + l.count + " article" + (l.count !== 1 ? "s" : "") +
                       (period ? ", " + period : ""));
      }, {sticky: true});
      l.layer.on("click", function (e) {
        L.DomEvent.stopPropagation(e);
        if (S.picking) { picked(e.latlng); return; }
        clicked("link", (nearestLine(e.layerPoint) || l).id);
      });
      l.layer.addTo(map);  // lines before markers: on one canvas the last drawn takes the click
    });
    S.places.forEach(function (p) {
      p.marker = L.circleMarker(p.ll, {renderer: S.renderer, radius: p.r, color: "#ffffff", weight: 1.5,
                                       fillColor: p.role.color, fillOpacity: p.role.name === "mentioned" ? 0.7 : 0.92,
                                       className: "shymkent-place role-" + p.role.name});
      p.marker.bindTooltip(function () { return tipNode(p.names, p.detail); }, {sticky: true});
      p.marker.on("click", function (e) {
        L.DomEvent.stopPropagation(e);
        if (S.picking) { picked(e.latlng); return; }
        clicked("place", p.key);
      });
    });
    S.leaders = L.layerGroup().addTo(map);
    S.groupLayer = L.layerGroup().addTo(map);
    relayout();
    map.on("zoomend", relayout);
    if (d.places.length || d.lines.length) legend();
    playback();
    S.ready = true;
    S.timing.built = performance.now();
    if (S.pending) { var c = S.pending; S.pending = null; api.command(c); }
    // Leaflet redraws the canvas in the next animation frame; this callback, asked for after it, runs
    // in the same frame once the markers are drawn: then the map is ready for a user.
    requestAnimationFrame(function () {
      S.timing.drawn = performance.now();
      document.documentElement.setAttribute("data-shymkent-ready", String(S.places.length));
      tellWhenQuiet();
    });
  }

  // ------------------------------------------------------------------ public
  api.init = function (map, data, opts) {
    var t0 = performance.now();
    S = {map: map, data: data, opts: opts, mount: Math.random().toString(36).slice(2, 8), clicks: 0,
         ready: false, pending: null, selection: null, picking: null, byKey: {}, lineById: {},
         timing: {init: t0}};
    S.renderer = L.canvas({tolerance: 6, padding: 0.3});
    S.places = data.places.map(function (r, i) {
      return {i: i, lat: r[0], lon: r[1], ll: L.latLng(r[0], r[1]), r: r[2], role: data.roles[r[3]],
              names: r[4], detail: r[5], key: r[6], first: r[7], shown: true, onMap: false};
    });
    S.maxRadius = S.places.reduce(function (m, p) { return Math.max(m, p.r); }, 22);
    S.places.forEach(function (p) {
      S.byKey[p.key] = p;
      p.fit = p.role.name === "home" || p.role.name === "partner";
    });
    if (!S.places.some(function (p) { return p.fit; })) S.places.forEach(function (p) { p.fit = true; });
    S.lines = data.lines.map(function (r) {
      var a = S.places[r[0]], b = S.places[r[1]], kind = data.kinds[r[2]];
      var line = {a: a, b: b, kind: kind, count: r[3], weight: r[4], side: r[5], first: r[6], last: r[7],
                  id: r[8] || kind.name + "|" + a.key + "|" + b.key, visible: true};
      S.lineById[line.id] = line;
      return line;
    });
    var pane = map.createPane("shymkentBase");
    pane.style.zIndex = 250;
    pane.style.pointerEvents = "none";
    S.notices = el("div", "shymkent-notices", null, map.getContainer());
    L.DomEvent.disableClickPropagation(S.notices);
    if (opts.tiles) tiles(); else outlines();
    if (opts.view) map.setView(opts.view.center, opts.view.zoom, {animate: false});
    else fitOpening();
    map.on("click", function (e) { if (S.picking) picked(e.latlng); });
    map.on("resize", refitIfUntouched);
    ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (ev) {
      map.getContainer().addEventListener(ev, touched, {capture: true, passive: true});
    });
    // After streamlit-folium's initComponent (which runs right after this script and would bind its
    // own click handler to every layer it finds): our layers are made on the next turn.
    S.timing.fitted = performance.now();
    setTimeout(build, 0);
  };

  /* {seq, select: {kind, id} | null, fly: bool, pick: label | null} from Python. */
  api.command = function (cmd) {
    if (!S) return;
    if (!S.ready) { S.pending = cmd; return; }
    setPicking(cmd.pick || null);
    if (cmd.select) select(cmd.select.kind, cmd.select.id, !!cmd.fly);
    else select(null, null, false);
  };

  /* For tests and benchmarks: where everything is drawn now, in the map container's pixels. */
  api.debug = function () {
    if (!S || !S.ready) return null;
    var map = S.map;
    function pt(ll) { var c = map.latLngToContainerPoint(ll); return {x: c.x, y: c.y}; }
    return {
      zoom: map.getZoom(), center: map.getCenter(), size: map.getSize(), timing: S.timing,
      selection: S.selection, picking: S.picking,
      month: S.play ? (S.play.index >= S.play.months.length ? "all" : S.play.months[S.play.index]) : null,
      places: S.places.map(function (p) {
        var at = p.group ? p.group.ll : p.drawn || p.ll, c = pt(at);
        return {key: p.key, names: p.names, detail: p.detail, role: p.role.name,
                r: p.group ? p.group.r : p.rz || p.r, x: c.x, y: c.y,
                shown: p.shown, grouped: !!p.group, onMap: p.onMap, first: p.first, lat: p.lat, lon: p.lon};
      }),
      lines: S.lines.map(function (l) {
        var mid = pt(l.path[Math.floor(l.path.length / 2)]);
        return {id: l.id, kind: l.kind.name, first: l.first, visible: l.visible, x: mid.x, y: mid.y};
      }),
      groups: (S.layout ? S.layout.groups : []).map(function (g) {
        var c = pt(g.ll);
        return {x: c.x, y: c.y, r: g.r, members: g.members.map(function (p) { return p.key; })};
      })
    };
  };

  /* For tests: show month index i of the playback (what moving the slider does). */
  api.showMonth = function (i) { if (S && S.play) { stop(); show(i); } };
})();
