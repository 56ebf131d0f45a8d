/* The border-obstacle map in the browser: one static map, its state applied from Python.
 *
 * Python (layers/mapview.py) sends the map once: Leaflet, this file, and a small config
 * (layer files, panes, texts in both languages, legend). The data of each layer is fetched
 * from /app/static/app/data/<hash>/<kind>.json when the layer is first shown, and the
 * browser caches it. Everything that changes afterwards (language, switched-on layers,
 * hotspot badges, a selection asked for by the server) arrives through bp.apply(state),
 * which never rebuilds the map: zoom, position and layers survive.
 *
 * A click on a feature is highlighted here at once and reported to Streamlit at once (not
 * after streamlit-folium's 250 ms debounce), with the same value the component itself would
 * send, so that its own debounced report finds nothing new.
 *
 * Feature names are set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var bp = (window.bp = window.bp || {});
  bp.lang = "nl";
  bp.texts = {};
  bp.layers = {}; // kind -> {spec, group, loading, loaded}
  bp.byId = {}; // feature id -> Leaflet layer
  bp.requestSeq = null; // the last selection request applied (see apply)
  bp.selected = null;

  // Streamlit-folium's report keys, in its order (JSON is compared as a string).
  var REPORT_KEYS = [
    "last_clicked", "last_object_clicked", "last_object_clicked_count", "last_object_clicked_tooltip",
    "last_object_clicked_popup", "all_drawings", "last_active_drawing", "last_geocoder_result", "bounds",
    "zoom", "last_circle_radius", "last_circle_polygon", "center", "selected_layers", "selected_tags",
  ];

  // How far (in pixels) a resize may move the centre by rounding and still not be reported.
  var RESIZE_DRIFT_PX = 1.5;

  bp.t = function (key) {
    var entry = bp.texts[key];
    return entry ? entry[bp.lang] || entry.nl : key;
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function globalData() {
    return window.__GLOBAL_DATA__;
  }

  // -- reporting to Streamlit -------------------------------------------------------------

  // The value streamlit-folium would send now (same keys, same order, same filter).
  function currentValue(g) {
    var map = bp.map;
    var all = {
      last_clicked: g.lat_lng_clicked,
      last_object_clicked: g.last_object_clicked,
      last_object_clicked_count: g.last_object_clicked_count,
      last_object_clicked_tooltip: g.last_object_clicked_tooltip,
      last_object_clicked_popup: g.last_object_clicked_popup,
      all_drawings: g.all_drawings,
      last_active_drawing: g.last_active_drawing,
      last_geocoder_result: g.last_geocoder_result,
      bounds: map.getBounds(),
      zoom: map.getZoom(),
      last_circle_radius: g.last_circle_radius,
      last_circle_polygon: g.last_circle_polygon,
      center: map.getCenter(),
      selected_layers: Object.values(g.selected_layers || {}),
      selected_tags: g.selected_tags,
    };
    var value = {};
    REPORT_KEYS.forEach(function (key) {
      if (g.returned_objects.indexOf(key) !== -1) value[key] = all[key];
    });
    return value;
  }

  bp.report = function () {
    var g = globalData();
    if (!g || !g.returned_objects || !window.Streamlit) return;
    var value = currentValue(g);
    if (JSON.stringify(g.previous_data) === JSON.stringify(value)) return;
    g.previous_data = value;
    window.Streamlit.setComponentValue(JSON.parse(JSON.stringify(value)));
  };

  function reportSoon() {
    // After every handler of the event (ours and the component's) has run. A click has its own,
    // faster path (see the map's click handler).
    setTimeout(bp.report, 0);
  }

  // Every report (ours and the component's own, which copies selected_layers as they are) says
  // which request of the app the map had applied when it was made: the app then knows a report
  // made before the map moved or switched layers as asked, and leaves it out.
  var ANSWERED = "@request";

  function syncSelectedLayers() {
    var g = globalData();
    if (!g) return;
    var shown = {};
    bp.order.forEach(function (kind) {
      if (bp.map.hasLayer(bp.layers[kind].group)) shown[kind] = { name: kind, url: null };
    });
    if (bp.requestSeq !== null) shown[ANSWERED] = answeredEntry();
    g.selected_layers = shown;
  }

  function answeredEntry() {
    return { name: ANSWERED, url: null, seq: bp.requestSeq };
  }

  // A request applied is no news by itself (the next report carries it): the last value sent is
  // taken to carry it too, so that only a change of the map's own makes a report.
  function noteAnswered() {
    var g = globalData();
    var last = g && g.previous_data;
    if (!last || !last.selected_layers) return;
    last.selected_layers = last.selected_layers
      .filter(function (entry) {
        return entry.name !== ANSWERED;
      })
      .concat([answeredEntry()]);
  }

  // -- layers -------------------------------------------------------------------------------

  function request(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }

  // The first view's data is asked for while Leaflet is still loading: the published copy of this
  // file ends with a call to bp.prefetch (layers/mapdata.py). The requests leave just after this
  // file's load event, when the next script (Leaflet) has been asked for: it comes first.
  var prefetched = {};
  bp.prefetch = function (urls) {
    setTimeout(function () {
      urls.forEach(function (url) {
        if (prefetched[url] || (window.BP_INLINE && window.BP_INLINE[url])) return;
        prefetched[url] = request(url);
        prefetched[url].catch(function () {}); // reported by whoever uses it (fetchJson)
      });
    }, 0);
  };

  function fetchJson(url) {
    // A map saved as one HTML file carries its data inline (see ui/exports.py).
    if (window.BP_INLINE && window.BP_INLINE[url]) return Promise.resolve(window.BP_INLINE[url]);
    var early = prefetched[url];
    delete prefetched[url];
    return early || request(url);
  }

  function featureName(props) {
    return (props.n && (props.n[bp.lang] || props.n.nl)) || props.id;
  }

  function tooltipFor(props) {
    return function () {
      var box = el("div", "bp-tip");
      box.appendChild(el("b", null, featureName(props)));
      if (props.km) box.appendChild(document.createTextNode(" · " + props.km + " km"));
      if (props.q && props.q !== "exact") box.appendChild(el("div", "bp-tip-note", bp.t("quality_tip." + props.q)));
      return box;
    };
  }

  // -- tooltip ------------------------------------------------------------------------------
  // One tooltip for the whole map, opened once the pointer rests on a feature: moving across the
  // map, or clicking straight away, opens and lays out nothing (a tooltip per feature, opened on
  // every mouseover, cost the click that followed a quick move several milliseconds).
  var HOVER_MS = 120;
  var hover = { layer: null, latlng: null, timer: null };

  function sharedTooltip() {
    if (!bp.tooltip) {
      bp.tooltip = L.tooltip({ className: "bp-tooltip", direction: "top", offset: [0, -6] });
    }
    return bp.tooltip;
  }

  function tooltipOpen() {
    return !!bp.tooltip && bp.map.hasLayer(bp.tooltip);
  }

  function hideTooltip() {
    clearTimeout(hover.timer);
    hover.timer = null;
    hover.layer = null;
    if (tooltipOpen()) bp.map.closeTooltip(bp.tooltip);
  }

  function tooltipOnHover(layer, props) {
    layer.on("mouseover", function (e) {
      hideTooltip();
      hover.layer = layer;
      hover.latlng = e.latlng;
      hover.timer = setTimeout(function () {
        hover.timer = null;
        bp.map.openTooltip(sharedTooltip().setContent(tooltipFor(props)()).setLatLng(hover.latlng));
      }, HOVER_MS);
    });
    layer.on("mousemove", function (e) {
      if (hover.layer !== layer) return;
      hover.latlng = e.latlng; // the tooltip follows the pointer
      if (tooltipOpen()) bp.tooltip.setLatLng(e.latlng);
    });
    layer.on("mouseout", function () {
      if (hover.layer === layer) hideTooltip();
    });
  }

  function onEachFeature(spec) {
    return function (feature, layer) {
      var props = feature.properties;
      bp.byId[props.id] = layer;
      layer.feature = feature;
      // streamlit-folium sends e.layer.toGeoJSON() back on a click: the id is all Python needs.
      layer.toGeoJSON = function () {
        return { type: "Feature", properties: { id: props.id }, geometry: null };
      };
      tooltipOnHover(layer, props);
      layer.on("click", function (e) {
        clearTimeout(hover.timer); // a click at once needs no tooltip: the panel names the feature
        var g = globalData();
        if (g) {
          g.last_active_drawing = layer.toGeoJSON();
          g.last_object_clicked = e.latlng;
          g.last_object_clicked_count = (g.last_object_clicked_count || 0) + 1;
        }
        bp.featureClicked = props.id;
      });
      if (spec.geometry !== "point") {
        layer.on("mouseover", function () {
          var base = props.s || {};
          layer.setStyle({ weight: (base.weight || 2) + 3 });
        });
        layer.on("mouseout", function () {
          layer.setStyle({ weight: (props.s || {}).weight || 2 });
        });
      }
    };
  }

  function makeGroup(spec) {
    // Each path carries its layer as a class (bp-<kind>): for styling and for tests.
    var className = "bp-" + spec.kind;
    return L.geoJSON(null, {
      pane: spec.pane,
      style: function (feature) {
        return Object.assign({ className: className }, feature.properties.s);
      },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, Object.assign({ pane: spec.pane, className: className }, feature.properties.s));
      },
      onEachFeature: onEachFeature(spec),
      bubblingMouseEvents: true,
    });
  }

  bp.ensureLoaded = function (kind) {
    var entry = bp.layers[kind];
    if (!entry.loading) {
      entry.loading = fetchJson(entry.spec.url)
        .then(function (data) {
          entry.group.addData(data);
          entry.loaded = true;
          bp.redrawBadges();
          return entry;
        })
        .catch(function (error) {
          console.error("layer " + kind + " could not be loaded:", error);
          entry.loading = null;
        });
    }
    return entry.loading;
  };

  function whenFeature(id) {
    if (bp.byId[id]) return Promise.resolve(bp.byId[id]);
    var kind = bp.kindOf(id);
    if (!kind) return Promise.resolve(null);
    return bp.ensureLoaded(kind).then(function () {
      return bp.byId[id] || null;
    });
  }

  bp.kindOf = function (id) {
    var prefix = id.split(":")[0] + ":";
    for (var i = 0; i < bp.order.length; i++) {
      if (bp.layers[bp.order[i]].spec.prefix === prefix) return bp.order[i];
    }
    return null;
  };

  // -- selection highlight -----------------------------------------------------------------

  bp.highlight = function (id) {
    bp.selected = id || null;
    bp.highlightGroup.clearLayers();
    if (!id) return Promise.resolve(null);
    return whenFeature(id).then(function (layer) {
      if (!layer || bp.selected !== id) return null;
      var style = { pane: "bpHighlight", interactive: false, color: "#00e5ff", weight: 9, opacity: 0.8,
                    fillColor: "#00e5ff", fillOpacity: 0.12 };
      var mark = layer.getLatLng
        ? L.circleMarker(layer.getLatLng(), Object.assign({}, style, { radius: 16, weight: 5, fillOpacity: 0.25 }))
        : L.geoJSON(layer.feature, { style: function () { return style; }, pane: "bpHighlight", interactive: false });
      bp.highlightGroup.addLayer(mark);
      return layer;
    });
  };

  // -- hotspot badges ----------------------------------------------------------------------

  bp.badges = {};
  // Badges that would overlap at this zoom are drawn as one, with their sum: a count never
  // hides another.
  bp.redrawBadges = function () {
    if (!bp.badgeGroup) return;
    bp.badgeGroup.clearLayers();
    var clusters = [];
    Object.keys(bp.badges).forEach(function (id) {
      var layer = bp.byId[id];
      var kind = bp.kindOf(id);
      if (!layer || !kind || !bp.map.hasLayer(bp.layers[kind].group)) return;
      var anchor = layer.feature.properties.a;
      if (!anchor) return;
      var point = bp.map.latLngToLayerPoint(anchor);
      var near = clusters.find(function (c) {
        return c.point.distanceTo(point) < 28;
      });
      if (near) {
        near.count += bp.badges[id];
        near.ids.push(id);
      } else {
        clusters.push({ point: point, anchor: anchor, count: bp.badges[id], ids: [id] });
      }
    });
    clusters.forEach(function (cluster) {
      var badge = el("div", "hotspot" + (cluster.ids.length > 1 ? " hotspot-group" : ""), String(cluster.count));
      badge.setAttribute("data-feature", cluster.ids.join(" "));
      bp.badgeGroup.addLayer(
        L.marker(cluster.anchor, {
          pane: "bpBadges",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ html: badge, className: "", iconSize: [26, 26], iconAnchor: [-2, 28] }),
        })
      );
    });
  };

  // -- base map, water, place labels --------------------------------------------------------

  function drawBase(config) {
    fetchJson(config.base.url).then(function (data) {
      L.geoJSON(data, {
        pane: "bpBase",
        interactive: false,
        style: function (feature) {
          return feature.properties.s;
        },
      }).addTo(bp.map);
    });
    if (config.water) {
      fetchJson(config.water.url).then(function (data) {
        var byZoom = [];
        L.geoJSON(data, {
          pane: "bpWater",
          interactive: false,
          style: function (feature) {
            return feature.properties.s;
          },
          onEachFeature: function (feature, layer) {
            byZoom.push([feature.properties.minzoom || 0, layer]);
          },
        });
        bp.waterByZoom = byZoom;
        showByZoom(bp.waterByZoom, bp.waterGroup);
      });
    }
    bp.placeSources = (config.places || []).map(function (source) {
      return { url: source.url, minzoom: source.minzoom || 0, loading: false };
    });
    loadPlaces();
  }

  // A place's local name, or the name it has in the interface language (Keulen / Cologne).
  function placeName(p) {
    return (p.n && p.n[bp.lang]) || p.name;
  }

  function relabelPlaces() {
    bp.placeLabels.forEach(function (item) {
      item[0].textContent = placeName(item[1]);
    });
  }

  // Place labels come in files by detail: each is fetched when the map first zooms in far enough.
  function loadPlaces() {
    var zoom = bp.map.getZoom();
    (bp.placeSources || []).forEach(function (source) {
      if (source.loading || zoom < source.minzoom) return;
      source.loading = true;
      fetchJson(source.url).then(function (data) {
        data.features.forEach(function (feature) {
          var p = feature.properties;
          var c = feature.geometry.coordinates;
          var label = el("div", "bp-place bp-place-" + (p.rank || "village"), placeName(p));
          if (p.n) bp.placeLabels.push([label, p]);
          bp.placesByZoom.push([
            p.minzoom,
            L.marker([c[1], c[0]], {
              pane: "bpLabels",
              interactive: false,
              keyboard: false,
              icon: L.divIcon({ html: label, className: "bp-place-icon", iconSize: null, iconAnchor: [0, 0] }),
            }),
          ]);
        });
        showByZoom(bp.placesByZoom, bp.placeGroup);
      });
    });
  }

  function showByZoom(items, group) {
    if (!items || !group) return;
    // Labels were placed so that none overlap at their zoom; large type needs one zoom more.
    var zoom = bp.map.getZoom() - (group === bp.placeGroup && bp.large ? 1 : 0);
    items.forEach(function (item) {
      var visible = zoom >= item[0];
      if (visible && !group.hasLayer(item[1])) group.addLayer(item[1]);
      else if (!visible && group.hasLayer(item[1])) group.removeLayer(item[1]);
    });
  }

  // -- controls ----------------------------------------------------------------------------

  function i18nSpan(key) {
    return '<span data-k="' + key.replace(/[^a-z0-9_.-]/gi, "") + '"></span>';
  }

  function applyTexts(root) {
    (root || bp.map.getContainer()).querySelectorAll("[data-k]").forEach(function (node) {
      node.textContent = bp.t(node.getAttribute("data-k"));
    });
  }

  function legendControl(entries) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "map-legend leaflet-bar");
      var details = el("details");
      var summary = el("summary");
      summary.setAttribute("data-k", "legend.title");
      details.appendChild(summary);
      entries.forEach(function (entry) {
        var row = el("div", "row");
        row.innerHTML = entry.svg; // built in Python from fixed styles, never from user text
        var label = el("span");
        label.setAttribute("data-k", entry.key);
        row.appendChild(label);
        details.appendChild(row);
      });
      var note = el("div", "note");
      note.setAttribute("data-k", "legend.schematic");
      details.appendChild(note);
      div.appendChild(details);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      bp.legendDetails = details;
      return div;
    };
    return control;
  }

  // -- set-up and state -------------------------------------------------------------------

  bp.init = function (map, config) {
    bp.map = map;
    bp.texts = config.texts;
    // The page sizes the map (its stylesheet may arrive after the map exists): follow the
    // container, not only the window.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize({ animate: false }); // keeps the centre where it was
      }).observe(map.getContainer());
    }
    bp.order = config.layers.map(function (spec) {
      return spec.kind;
    });
    config.panes.forEach(function (pane) {
      var node = map.createPane(pane.name);
      node.style.zIndex = String(pane.z);
      if (pane.passive) node.style.pointerEvents = "none";
    });
    bp.waterGroup = L.layerGroup().addTo(map);
    bp.placesByZoom = [];
    bp.placeLabels = [];
    bp.placeGroup = L.layerGroup().addTo(map);
    drawBase(config);
    map.on("zoomend", function () {
      bp.redrawBadges();
      loadPlaces();
      showByZoom(bp.placesByZoom, bp.placeGroup);
      showByZoom(bp.waterByZoom, bp.waterGroup);
    });

    var bases = {};
    bases[i18nSpan("layer.basemap")] = L.layerGroup().addTo(map); // the offline map is always drawn
    (config.tiles || []).forEach(function (tile) {
      bases[i18nSpan(tile.key)] = L.tileLayer(tile.url, {
        attribution: tile.attribution,
        maxZoom: tile.maxZoom || 19,
        maxNativeZoom: tile.maxNativeZoom || 19,
      });
    });
    var overlays = {};
    config.layers.forEach(function (spec) {
      var group = makeGroup(spec);
      bp.layers[spec.kind] = { spec: spec, group: group, loading: null, loaded: false };
      overlays[i18nSpan("layer." + spec.kind)] = group;
      group.on("add", function () {
        bp.ensureLoaded(spec.kind);
      });
      if (spec.show) group.addTo(map);
    });
    bp.highlightGroup = L.layerGroup().addTo(map);
    bp.badgeGroup = L.layerGroup().addTo(map);
    bp.layerControl = L.control.layers(bases, overlays, { collapsed: true, position: "topright" }).addTo(map);
    legendControl(config.legend).addTo(map);
    map.attributionControl.addAttribution(config.attribution);
    map.fitBounds(config.home, { animate: false });
    applyTexts();

    map.on("click", function () {
      // A click on a feature reaches the map too (after the feature's handler); one that
      // reaches only the map clears the selection, as the app does.
      var id = bp.featureClicked || null;
      bp.featureClicked = null;
      bp.selected = id;
      // Once Leaflet has run every click handler (ours and streamlit-folium's) and before any
      // other task: report first, then draw the highlight (a large area's outline takes
      // milliseconds; the panel waits on the report, the highlight on nothing).
      queueMicrotask(function () {
        bp.report();
        setTimeout(function () {
          bp.highlight(id);
        }, 0);
      });
    });
    map.on("resize", function () {
      // A resize (the sidebar opening, the window moved to a big screen) keeps the centre up to
      // a pixel's rounding. That is not the user's move: left in, it would rerun the map and
      // panel for nothing, and a click elsewhere on the page that Streamlit sends in the same
      // batch would go to the map's fragment only, and be lost.
      var g = globalData();
      var last = g && g.previous_data;
      if (!last || !last.center) return;
      var centre = map.getCenter();
      if (map.project(last.center).distanceTo(map.project(centre)) < RESIZE_DRIFT_PX) last.center = centre;
    });
    map.on("overlayadd overlayremove", function () {
      syncSelectedLayers();
      bp.redrawBadges();
      reportSoon();
    });
    var g = globalData();
    if (g && g.returned_objects) {
      // A new map reports only once the app's state is applied (bp.apply): its defaults are
      // not news, and reporting them would undo the layers and view the app is restoring.
      syncSelectedLayers();
      g.previous_data = currentValue(g);
    }
  };

  /* Show exactly the layers ``kinds``; the layer control's check boxes follow. */
  function showLayers(kinds) {
    var wanted = {};
    kinds.forEach(function (kind) {
      wanted[kind] = true;
    });
    var changed = false;
    bp.order.forEach(function (kind) {
      var group = bp.layers[kind].group;
      if (wanted[kind] && !bp.map.hasLayer(group)) {
        group.addTo(bp.map);
        changed = true;
      } else if (!wanted[kind] && bp.map.hasLayer(group)) {
        bp.map.removeLayer(group);
        changed = true;
      }
    });
    if (changed) {
      syncSelectedLayers();
      bp.layerControl._update();
      applyTexts(bp.layerControl.getContainer());
    }
  }

  /* state: {lang, badges: {id: n}, large: bool,
   *         request: {seq, selected, view: [lat, lon, zoom] | null, layers: [kinds] | null},
   *                                                   applied when seq changes (a new map: selected only)
   *         layers: [kinds], view: [lat, lon, zoom] | null}           taken over by a new map only */
  bp.apply = function (state) {
    if (!bp.map) return;
    var fresh = bp.requestSeq === null;
    var container = bp.map.getContainer();
    if (state.lang && state.lang !== bp.lang) {
      bp.lang = state.lang;
      relabelPlaces();
      applyTexts();
      applyTexts(bp.layerControl.getContainer());
    }
    container.classList.toggle("bp-large", !!state.large);
    if (!!state.large !== !!bp.large) {
      bp.large = !!state.large;
      showByZoom(bp.placesByZoom, bp.placeGroup);
    }
    // A new map starts as the app had it when it made the map; a request it was made with is older
    // news. A request made since is not: the browser may load the map's iframe again (it did on a
    // busy machine, during the tour), and that map must go where the last request asked.
    var request = state.request || { seq: 0, selected: null, view: null, layers: null };
    var newer = request.seq > (state.since || 0);
    var start = {
      view: (newer && request.view) || state.view,
      layers: (newer && request.layers) || state.layers,
    };
    var layers = fresh ? start.layers : request.seq !== bp.requestSeq ? request.layers : null;
    if (layers) showLayers(layers);
    bp.badges = state.badges || {};
    bp.redrawBadges();
    if (request.seq !== bp.requestSeq) {
      bp.requestSeq = request.seq;
      syncSelectedLayers();
      noteAnswered();
      var view = fresh ? start.view : request.view;
      if (view) bp.map.setView([view[0], view[1]], view[2], { animate: false });
      bp.highlight(request.selected);
    }
  };
})();
