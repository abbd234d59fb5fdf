// Fake PCF context for the built bundle. The test sets window.__scenario (addInitScript) before the page loads:
//   { width, opportunityId, roles, data: { opportunity, coach_microcoachingsession, task, environmentvariabledefinition, role },
//     webApi: "normal" | "pending" | "error", errorMessage, latencyMs (each Web API answer; default 5) }
// and reads back window.__webApiCalls, window.__opened and window.__timings.
(function () {
  "use strict";
  var registered = {};
  window.ComponentFramework = { registerControl: function (name, ctor) { registered[name] = ctor; } };
  window.__webApiCalls = [];
  window.__opened = [];
  window.__timings = {};

  function scenario() { return window.__scenario || {}; }

  function respond(entity, result) {
    var s = scenario();
    if (s.webApi === "pending") return new Promise(function () {});
    if (s.webApi === "error" && entity === "opportunity") return Promise.reject({ errorCode: 2147746336, message: s.errorMessage || "Network error" });
    var latency = s.latencyMs == null ? 5 : s.latencyMs;
    return new Promise(function (resolve) { setTimeout(function () { resolve(JSON.parse(JSON.stringify(result))); }, latency); });
  }

  var webAPI = {
    retrieveRecord: function (entity, id, options) {
      window.__webApiCalls.push({ op: "retrieveRecord", entity: entity, id: id, options: options });
      return respond(entity, (scenario().data || {})[entity] || {});
    },
    retrieveMultipleRecords: function (entity, options) {
      window.__webApiCalls.push({ op: "retrieveMultipleRecords", entity: entity, options: options });
      return respond(entity, { entities: (scenario().data || {})[entity] || [] });
    },
    createRecord: function () { return Promise.reject(new Error("not used")); },
    updateRecord: function () { return Promise.reject(new Error("not used")); },
    deleteRecord: function () { return Promise.reject(new Error("not used")); },
  };

  function context(updatedProperties) {
    var s = scenario();
    var opportunity = (s.data || {}).opportunity || {};
    var score = opportunity.coach_icpfitscore == null ? null : opportunity.coach_icpfitscore;
    return {
      parameters: { icpFitScore: { raw: score, formatted: score == null ? "" : String(score), attributes: { LogicalName: "coach_icpfitscore" } } },
      mode: {
        contextInfo: s.opportunityId ? { entityId: s.opportunityId, entityTypeName: "opportunity" } : { entityId: null, entityTypeName: "opportunity" },
        allocatedWidth: s.width || 600, allocatedHeight: -1, isControlDisabled: false, isVisible: true, label: "ICP fit score",
        setControlState: function () { return true; }, setFullScreen: function () {}, trackContainerResize: function () {},
      },
      page: { getClientUrl: function () { return location.origin; } },
      userSettings: { securityRoles: s.roles || [], userId: "{00000000-0000-0000-0000-0000000000aa}", userName: "Test user", languageId: 1033 },
      webAPI: webAPI,
      navigation: { openForm: function (options) { window.__opened.push(options); return Promise.resolve({ savedEntityReference: [] }); } },
      updatedProperties: updatedProperties || [],
      client: { getClient: function () { return "Web"; }, getFormFactor: function () { return 1; } },
    };
  }

  var control = null;
  window.__harness = {
    mount: function () {
      var container = document.getElementById("container");
      document.getElementById("column").style.width = (scenario().width || 600) + "px";
      var Ctor = registered["Coaching.CoachingPanel"];
      if (!Ctor) throw new Error("bundle.js did not register Coaching.CoachingPanel");
      window.__timings.init = performance.now();
      new MutationObserver(function (changes, observer) {
        if (container.querySelector('[data-state="ready"], [data-state="error"], [data-state="empty"]')) {
          window.__timings.firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(container, { subtree: true, childList: true, attributes: true });
      control = new Ctor();
      control.init(context(), function () {}, {}, container);
      control.updateView(context());
      window.__timings.firstUpdateViewReturned = performance.now();
    },
    /** What the form does after a save: updateView with the changed bound column. */
    save: function (changes) {
      var s = scenario();
      if (changes) Object.assign(s.data.opportunity, changes);
      control.updateView(context(["icpFitScore"]));
    },
    resize: function () { control.updateView(context(["layout"])); },
  };
})();
