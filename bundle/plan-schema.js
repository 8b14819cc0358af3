'use strict';
var __bundleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/plan/plan-schema.generated.ts
var plan_schema_generated_exports = {};
__export(plan_schema_generated_exports, {
  default: () => stdin_default,
  validate: () => validate
});
module.exports = __toCommonJS(plan_schema_generated_exports);
var __getOwnPropNames2 = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames2(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});
var validate = validate20;
var stdin_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://github.com/pactflow-accounts/pactflow-accounts/schemas/plan.schema.json", "title": "pactflow-accounts saved plan", "description": "What `plan --out` writes and `apply PLAN.json` executes. formatVersion 1; roleChanges, permissions and the role counts were added compatibly (a plan without them has no role changes).", "type": "object", "additionalProperties": false, "required": ["formatVersion", "generator", "baseUrl", "desired", "caller", "targets", "summary", "hash", "guards", "changes", "unmanaged"], "$defs": { "ref": { "description": "A role or team: its PactFlow uuid and name.", "type": "object", "additionalProperties": false, "required": ["uuid", "name"], "properties": { "uuid": { "description": "PactFlow uuid.", "type": "string", "minLength": 1 }, "name": { "description": "Name as PactFlow spells it.", "type": "string" } } }, "refs": { "description": "A list of roles or teams.", "type": "array", "items": { "$ref": "#/$defs/ref" } }, "names": { "description": "Sorted names.", "type": "array", "items": { "type": "string" } }, "roleRef": { "description": "A role a step assigns: uuid and name, or only the name of a role this plan creates (apply resolves it after creating the role).", "type": "object", "additionalProperties": false, "required": ["name"], "properties": { "uuid": { "description": "PactFlow uuid.", "type": "string", "minLength": 1 }, "name": { "description": "Name as PactFlow spells it.", "type": "string" } } }, "roleRefs": { "description": "A list of roles.", "type": "array", "items": { "$ref": "#/$defs/roleRef" } }, "scopes": { "description": "Permission scopes, sorted.", "type": "array", "items": { "type": "string" } }, "permissions": { "description": "How effective permissions change: the scopes gained and lost.", "type": "object", "additionalProperties": false, "required": ["gained", "lost"], "properties": { "gained": { "$ref": "#/$defs/scopes" }, "lost": { "$ref": "#/$defs/scopes" } } }, "risks": { "description": "What makes a change risky.", "type": "array", "items": { "enum": ["delete", "disable", "admin-grant", "admin-revoke", "privilege-gain"] } }, "refused": { "description": "Why a guard refuses the change.", "type": "object", "additionalProperties": false, "required": ["guard", "message"], "properties": { "guard": { "$ref": "#/$defs/guard" }, "message": { "type": "string" } } }, "fingerprint": { "description": "Digest of the live fields read.", "type": "string", "pattern": "^sha256:[0-9a-f]{32}$" }, "roleFields": { "description": "Values of the role fields a change touches.", "type": "object", "additionalProperties": false, "properties": { "name": { "description": "Role name.", "type": "string" }, "description": { "description": "Description, or null for none.", "type": ["string", "null"] }, "permissions": { "$ref": "#/$defs/scopes" } } }, "roleDefinition": { "description": "The body of a role create or full-replace update.", "type": "object", "additionalProperties": false, "required": ["name", "permissions"], "properties": { "name": { "type": "string" }, "description": { "type": "string" }, "permissions": { "$ref": "#/$defs/scopes" } } }, "fields": { "description": "Values of the fields a change touches.", "type": "object", "additionalProperties": false, "properties": { "name": { "description": "Account name.", "type": "string" }, "email": { "description": "Email, or null for none.", "type": ["string", "null"] }, "state": { "description": "enabled or disabled.", "enum": ["enabled", "disabled"] }, "admin": { "description": "Holds the Administrator role.", "type": "boolean" }, "roles": { "$ref": "#/$defs/names" }, "teams": { "$ref": "#/$defs/names" } } }, "spec": { "description": "Roles, Administrator and teams the file asks for, resolved to uuids.", "type": "object", "additionalProperties": false, "properties": { "roles": { "$ref": "#/$defs/roleRefs" }, "admin": { "description": "Administrator wanted (absent: not managed).", "type": "boolean" }, "teams": { "$ref": "#/$defs/refs" } } }, "step": { "description": "One API call, in order.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "const": "create" }, "name": { "type": "string" }, "email": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "const": "rename" }, "name": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "email"], "properties": { "kind": { "const": "set-email" }, "email": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "roles"], "properties": { "kind": { "const": "set-roles" }, "roles": { "$ref": "#/$defs/roleRefs" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "team"], "properties": { "kind": { "enum": ["add-team", "remove-team"] }, "team": { "$ref": "#/$defs/ref" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "spec"], "properties": { "kind": { "const": "reconcile" }, "spec": { "$ref": "#/$defs/spec" }, "administrator": { "$ref": "#/$defs/ref" } } }, { "type": "object", "additionalProperties": false, "required": ["kind"], "properties": { "kind": { "enum": ["enable", "disable", "delete"] } } }] }, "limit": { "description": "How many changes count against a limit, and the limit.", "type": "object", "additionalProperties": false, "required": ["count", "limit"], "properties": { "count": { "type": "integer", "minimum": 0 }, "limit": { "type": "integer", "minimum": 0 } } }, "guard": { "description": "A guard that cannot be overridden.", "enum": ["protected", "self-lockout", "scope", "role-in-use"] } }, "properties": { "formatVersion": { "description": "Format of this document.", "const": 1 }, "generator": { "description": "Tool and version that wrote it.", "type": "string" }, "baseUrl": { "description": "The PactFlow the plan was made against; apply refuses another.", "type": "string" }, "desired": { "description": "The desired-state file planned from.", "type": "object", "additionalProperties": false, "required": ["file", "sha256"], "properties": { "file": { "description": "Path as given.", "type": "string" }, "sha256": { "description": "sha256 of its bytes.", "type": "string", "pattern": "^[0-9a-f]{64}$" } } }, "caller": { "description": "The token's owner.", "type": "object", "additionalProperties": false, "required": ["uuid", "name"], "properties": { "uuid": { "type": "string" }, "name": { "type": "string" } } }, "targets": { "description": "--target names, or null for all accounts.", "type": ["array", "null"], "items": { "type": "string" } }, "hash": { "description": "Short hash of the changes (accounts, actions, steps, before/after; no timestamps): what a reviewer approved.", "type": "string", "pattern": "^[0-9a-f]{12}$" }, "summary": { "description": "Counts of changes per action and of accounts left alone.", "type": "object", "additionalProperties": false, "required": ["delete", "create", "rename", "disable", "enable", "update", "unchanged", "unmanaged", "outOfScope", "refused"], "properties": { "delete": { "type": "integer", "minimum": 0 }, "create": { "type": "integer", "minimum": 0 }, "rename": { "type": "integer", "minimum": 0 }, "disable": { "type": "integer", "minimum": 0 }, "enable": { "type": "integer", "minimum": 0 }, "update": { "type": "integer", "minimum": 0 }, "unchanged": { "type": "integer", "minimum": 0 }, "unmanaged": { "type": "integer", "minimum": 0 }, "outOfScope": { "type": "integer", "minimum": 0 }, "refused": { "type": "integer", "minimum": 0 }, "roleCreate": { "description": "Custom roles to create.", "type": "integer", "minimum": 0 }, "roleUpdate": { "description": "Custom roles to update.", "type": "integer", "minimum": 0 }, "roleDelete": { "description": "Custom roles to delete.", "type": "integer", "minimum": 0 }, "privilegeGains": { "description": "Changes that grant a :manage: scope, user:invite or Administrator.", "type": "integer", "minimum": 0 } } }, "guards": { "description": "Safety guards as evaluated when planning; apply evaluates them again.", "type": "object", "additionalProperties": false, "required": ["limits", "exceeded", "refusals", "ok"], "properties": { "limits": { "type": "object", "additionalProperties": false, "required": ["maxDeletes", "maxDisables", "maxAdminChanges"], "properties": { "maxDeletes": { "$ref": "#/$defs/limit" }, "maxDisables": { "$ref": "#/$defs/limit" }, "maxAdminChanges": { "$ref": "#/$defs/limit" } } }, "exceeded": { "type": "array", "items": { "enum": ["maxDeletes", "maxDisables", "maxAdminChanges"] } }, "refusals": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["account", "guard", "message"], "properties": { "account": { "type": "string" }, "guard": { "$ref": "#/$defs/guard" }, "message": { "type": "string" } } } }, "ok": { "description": "True when nothing refuses.", "type": "boolean" } } }, "changes": { "description": "One entry per account that changes, sorted by name.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["account", "action", "origin", "before", "after", "steps", "risks", "fingerprint"], "properties": { "account": { "description": "Account name.", "type": "string" }, "uuid": { "description": "Live uuid (absent for a create).", "type": "string" }, "action": { "enum": ["delete", "create", "rename", "disable", "enable", "update"] }, "origin": { "enum": ["file", "unmanaged"] }, "before": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/fields" }] }, "after": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/fields" }] }, "steps": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/step" } }, "risks": { "$ref": "#/$defs/risks" }, "permissions": { "$ref": "#/$defs/permissions" }, "refused": { "$ref": "#/$defs/refused" }, "fingerprint": { "$ref": "#/$defs/fingerprint" } } } }, "roleChanges": { "description": "One entry per custom role that changes, sorted by name. Apply creates and updates them before the account changes and deletes them after.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["role", "action", "origin", "before", "after", "steps", "risks", "accounts", "fingerprint"], "properties": { "role": { "description": "Role name.", "type": "string" }, "uuid": { "description": "Live uuid (absent for a create).", "type": "string" }, "action": { "enum": ["delete", "create", "update"] }, "origin": { "enum": ["file", "unmanaged"] }, "before": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/roleFields" }] }, "after": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/roleFields" }] }, "steps": { "type": "array", "minItems": 1, "maxItems": 1, "items": { "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["kind", "role"], "properties": { "kind": { "enum": ["create-role", "update-role"] }, "role": { "$ref": "#/$defs/roleDefinition" } } }, { "type": "object", "additionalProperties": false, "required": ["kind"], "properties": { "kind": { "const": "delete-role" } } }] } }, "risks": { "$ref": "#/$defs/risks" }, "accounts": { "description": "System accounts whose effective permissions this role change alone alters.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["account", "gained", "lost"], "properties": { "account": { "type": "string" }, "gained": { "$ref": "#/$defs/scopes" }, "lost": { "$ref": "#/$defs/scopes" } } } }, "people": { "description": "People (human users) who hold the role; their access changes too.", "type": "integer", "minimum": 0 }, "refused": { "$ref": "#/$defs/refused" }, "fingerprint": { "$ref": "#/$defs/fingerprint" } } } }, "unmanaged": { "description": "Live accounts in scope that the file does not list.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "uuid", "active", "disposition"], "properties": { "name": { "type": "string" }, "uuid": { "type": "string" }, "active": { "type": "boolean" }, "disposition": { "enum": ["ignore", "disable", "delete", "protected", "already-disabled"] } } } }, "warnings": { "description": "What a reviewer should know that does not stop the plan: a protected or scope.include glob that matches no live account; a file entry left out because two live accounts share its name ignoring case; a custom role change left out of a plan narrowed by --target because it would change an account the targets do not name.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["code", "message"], "properties": { "code": { "enum": ["unmatched-protected", "unmatched-include", "ambiguous-name", "role-left-out"] }, "message": { "type": "string" } } } } } };
var schema35 = { "description": "A guard that cannot be overridden.", "enum": ["protected", "self-lockout", "scope", "role-in-use"] };
var schema47 = { "description": "What makes a change risky.", "type": "array", "items": { "enum": ["delete", "disable", "admin-grant", "admin-revoke", "privilege-gain"] } };
var func1 = Object.prototype.hasOwnProperty;
var pattern4 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern5 = new RegExp("^[0-9a-f]{12}$", "u");
var pattern6 = new RegExp("^sha256:[0-9a-f]{32}$", "u");
var schema36 = { "description": "Values of the fields a change touches.", "type": "object", "additionalProperties": false, "properties": { "name": { "description": "Account name.", "type": "string" }, "email": { "description": "Email, or null for none.", "type": ["string", "null"] }, "state": { "description": "enabled or disabled.", "enum": ["enabled", "disabled"] }, "admin": { "description": "Holds the Administrator role.", "type": "boolean" }, "roles": { "$ref": "#/$defs/names" }, "teams": { "$ref": "#/$defs/names" } } };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(key0 === "name" || key0 === "email" || key0 === "state" || key0 === "admin" || key0 === "roles" || key0 === "teams")) {
          validate21.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.name !== void 0) {
          const _errs2 = errors;
          if (typeof data.name !== "string") {
            validate21.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
            return false;
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.email !== void 0) {
            let data1 = data.email;
            const _errs4 = errors;
            if (typeof data1 !== "string" && data1 !== null) {
              validate21.errors = [{ instancePath: instancePath + "/email", schemaPath: "#/properties/email/type", keyword: "type", params: { type: schema36.properties.email.type }, message: "must be string,null" }];
              return false;
            }
            var valid0 = _errs4 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.state !== void 0) {
              let data2 = data.state;
              const _errs6 = errors;
              if (!(data2 === "enabled" || data2 === "disabled")) {
                validate21.errors = [{ instancePath: instancePath + "/state", schemaPath: "#/properties/state/enum", keyword: "enum", params: { allowedValues: schema36.properties.state.enum }, message: "must be equal to one of the allowed values" }];
                return false;
              }
              var valid0 = _errs6 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.admin !== void 0) {
                const _errs7 = errors;
                if (typeof data.admin !== "boolean") {
                  validate21.errors = [{ instancePath: instancePath + "/admin", schemaPath: "#/properties/admin/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                  return false;
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.roles !== void 0) {
                  let data4 = data.roles;
                  const _errs9 = errors;
                  const _errs10 = errors;
                  if (errors === _errs10) {
                    if (Array.isArray(data4)) {
                      var valid2 = true;
                      const len0 = data4.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        const _errs12 = errors;
                        if (typeof data4[i0] !== "string") {
                          validate21.errors = [{ instancePath: instancePath + "/roles/" + i0, schemaPath: "#/$defs/names/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                        var valid2 = _errs12 === errors;
                        if (!valid2) {
                          break;
                        }
                      }
                    } else {
                      validate21.errors = [{ instancePath: instancePath + "/roles", schemaPath: "#/$defs/names/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.teams !== void 0) {
                    let data6 = data.teams;
                    const _errs14 = errors;
                    const _errs15 = errors;
                    if (errors === _errs15) {
                      if (Array.isArray(data6)) {
                        var valid4 = true;
                        const len1 = data6.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          const _errs17 = errors;
                          if (typeof data6[i1] !== "string") {
                            validate21.errors = [{ instancePath: instancePath + "/teams/" + i1, schemaPath: "#/$defs/names/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                            return false;
                          }
                          var valid4 = _errs17 === errors;
                          if (!valid4) {
                            break;
                          }
                        }
                      } else {
                        validate21.errors = [{ instancePath: instancePath + "/teams", schemaPath: "#/$defs/names/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                        return false;
                      }
                    }
                    var valid0 = _errs14 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema39 = { "description": "One API call, in order.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "const": "create" }, "name": { "type": "string" }, "email": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "name"], "properties": { "kind": { "const": "rename" }, "name": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "email"], "properties": { "kind": { "const": "set-email" }, "email": { "type": "string" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "roles"], "properties": { "kind": { "const": "set-roles" }, "roles": { "$ref": "#/$defs/roleRefs" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "team"], "properties": { "kind": { "enum": ["add-team", "remove-team"] }, "team": { "$ref": "#/$defs/ref" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "spec"], "properties": { "kind": { "const": "reconcile" }, "spec": { "$ref": "#/$defs/spec" }, "administrator": { "$ref": "#/$defs/ref" } } }, { "type": "object", "additionalProperties": false, "required": ["kind"], "properties": { "kind": { "enum": ["enable", "disable", "delete"] } } }] };
var func4 = require_ucs2length().default;
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (errors === _errs2) {
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            let missing0;
            if (data0.name === void 0 && (missing0 = "name")) {
              validate25.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/roleRef/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
              return false;
            } else {
              const _errs4 = errors;
              for (const key0 in data0) {
                if (!(key0 === "uuid" || key0 === "name")) {
                  validate25.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/roleRef/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
                  return false;
                  break;
                }
              }
              if (_errs4 === errors) {
                if (data0.uuid !== void 0) {
                  let data1 = data0.uuid;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (typeof data1 === "string") {
                      if (func4(data1) < 1) {
                        validate25.errors = [{ instancePath: instancePath + "/" + i0 + "/uuid", schemaPath: "#/$defs/roleRef/properties/uuid/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                        return false;
                      }
                    } else {
                      validate25.errors = [{ instancePath: instancePath + "/" + i0 + "/uuid", schemaPath: "#/$defs/roleRef/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid2 = _errs5 === errors;
                } else {
                  var valid2 = true;
                }
                if (valid2) {
                  if (data0.name !== void 0) {
                    const _errs7 = errors;
                    if (typeof data0.name !== "string") {
                      validate25.errors = [{ instancePath: instancePath + "/" + i0 + "/name", schemaPath: "#/$defs/roleRef/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                    var valid2 = _errs7 === errors;
                  } else {
                    var valid2 = true;
                  }
                }
              }
            }
          } else {
            validate25.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/roleRef/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
            return false;
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    } else {
      validate25.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
      return false;
    }
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (errors === _errs2) {
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            let missing0;
            if (data0.uuid === void 0 && (missing0 = "uuid") || data0.name === void 0 && (missing0 = "name")) {
              validate29.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/ref/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
              return false;
            } else {
              const _errs4 = errors;
              for (const key0 in data0) {
                if (!(key0 === "uuid" || key0 === "name")) {
                  validate29.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/ref/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
                  return false;
                  break;
                }
              }
              if (_errs4 === errors) {
                if (data0.uuid !== void 0) {
                  let data1 = data0.uuid;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (typeof data1 === "string") {
                      if (func4(data1) < 1) {
                        validate29.errors = [{ instancePath: instancePath + "/" + i0 + "/uuid", schemaPath: "#/$defs/ref/properties/uuid/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                        return false;
                      }
                    } else {
                      validate29.errors = [{ instancePath: instancePath + "/" + i0 + "/uuid", schemaPath: "#/$defs/ref/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid2 = _errs5 === errors;
                } else {
                  var valid2 = true;
                }
                if (valid2) {
                  if (data0.name !== void 0) {
                    const _errs7 = errors;
                    if (typeof data0.name !== "string") {
                      validate29.errors = [{ instancePath: instancePath + "/" + i0 + "/name", schemaPath: "#/$defs/ref/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                    var valid2 = _errs7 === errors;
                  } else {
                    var valid2 = true;
                  }
                }
              }
            }
          } else {
            validate29.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/$defs/ref/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
            return false;
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    } else {
      validate29.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
      return false;
    }
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(key0 === "roles" || key0 === "admin" || key0 === "teams")) {
          validate27.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.roles !== void 0) {
          const _errs2 = errors;
          if (!validate25(data.roles, { instancePath: instancePath + "/roles", parentData: data, parentDataProperty: "roles", rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.admin !== void 0) {
            const _errs3 = errors;
            if (typeof data.admin !== "boolean") {
              validate27.errors = [{ instancePath: instancePath + "/admin", schemaPath: "#/properties/admin/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
              return false;
            }
            var valid0 = _errs3 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.teams !== void 0) {
              const _errs5 = errors;
              if (!validate29(data.teams, { instancePath: instancePath + "/teams", parentData: data, parentDataProperty: "teams", rootData, dynamicAnchors })) {
                vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate27.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (errors === _errs1) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.kind === void 0 && (missing0 = "kind") || data.name === void 0 && (missing0 = "name")) {
        const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        const _errs3 = errors;
        for (const key0 in data) {
          if (!(key0 === "kind" || key0 === "name" || key0 === "email")) {
            const err1 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            break;
          }
        }
        if (_errs3 === errors) {
          if (data.kind !== void 0) {
            const _errs4 = errors;
            if ("create" !== data.kind) {
              const err2 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/0/properties/kind/const", keyword: "const", params: { allowedValue: "create" }, message: "must be equal to constant" };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            var valid1 = _errs4 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.name !== void 0) {
              const _errs5 = errors;
              if (typeof data.name !== "string") {
                const err3 = { instancePath: instancePath + "/name", schemaPath: "#/oneOf/0/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
              var valid1 = _errs5 === errors;
            } else {
              var valid1 = true;
            }
            if (valid1) {
              if (data.email !== void 0) {
                const _errs7 = errors;
                if (typeof data.email !== "string") {
                  const err4 = { instancePath: instancePath + "/email", schemaPath: "#/oneOf/0/properties/email/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
                var valid1 = _errs7 === errors;
              } else {
                var valid1 = true;
              }
            }
          }
        }
      }
    } else {
      const err5 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props0 = true;
  }
  const _errs9 = errors;
  if (errors === _errs9) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.kind === void 0 && (missing1 = "kind") || data.name === void 0 && (missing1 = "name")) {
        const err6 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      } else {
        const _errs11 = errors;
        for (const key1 in data) {
          if (!(key1 === "kind" || key1 === "name")) {
            const err7 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
            break;
          }
        }
        if (_errs11 === errors) {
          if (data.kind !== void 0) {
            const _errs12 = errors;
            if ("rename" !== data.kind) {
              const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/1/properties/kind/const", keyword: "const", params: { allowedValue: "rename" }, message: "must be equal to constant" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            var valid2 = _errs12 === errors;
          } else {
            var valid2 = true;
          }
          if (valid2) {
            if (data.name !== void 0) {
              const _errs13 = errors;
              if (typeof data.name !== "string") {
                const err9 = { instancePath: instancePath + "/name", schemaPath: "#/oneOf/1/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
              var valid2 = _errs13 === errors;
            } else {
              var valid2 = true;
            }
          }
        }
      }
    } else {
      const err10 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
  }
  var _valid0 = _errs9 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props0 !== true) {
        props0 = true;
      }
    }
    const _errs15 = errors;
    if (errors === _errs15) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing2;
        if (data.kind === void 0 && (missing2 = "kind") || data.email === void 0 && (missing2 = "email")) {
          const err11 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        } else {
          const _errs17 = errors;
          for (const key2 in data) {
            if (!(key2 === "kind" || key2 === "email")) {
              const err12 = { instancePath, schemaPath: "#/oneOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
              break;
            }
          }
          if (_errs17 === errors) {
            if (data.kind !== void 0) {
              const _errs18 = errors;
              if ("set-email" !== data.kind) {
                const err13 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/2/properties/kind/const", keyword: "const", params: { allowedValue: "set-email" }, message: "must be equal to constant" };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              var valid3 = _errs18 === errors;
            } else {
              var valid3 = true;
            }
            if (valid3) {
              if (data.email !== void 0) {
                const _errs19 = errors;
                if (typeof data.email !== "string") {
                  const err14 = { instancePath: instancePath + "/email", schemaPath: "#/oneOf/2/properties/email/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
                var valid3 = _errs19 === errors;
              } else {
                var valid3 = true;
              }
            }
          }
        }
      } else {
        const err15 = { instancePath, schemaPath: "#/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    var _valid0 = _errs15 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
        if (props0 !== true) {
          props0 = true;
        }
      }
      const _errs21 = errors;
      if (errors === _errs21) {
        if (data && typeof data == "object" && !Array.isArray(data)) {
          let missing3;
          if (data.kind === void 0 && (missing3 = "kind") || data.roles === void 0 && (missing3 = "roles")) {
            const err16 = { instancePath, schemaPath: "#/oneOf/3/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          } else {
            const _errs23 = errors;
            for (const key3 in data) {
              if (!(key3 === "kind" || key3 === "roles")) {
                const err17 = { instancePath, schemaPath: "#/oneOf/3/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
                break;
              }
            }
            if (_errs23 === errors) {
              if (data.kind !== void 0) {
                const _errs24 = errors;
                if ("set-roles" !== data.kind) {
                  const err18 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/3/properties/kind/const", keyword: "const", params: { allowedValue: "set-roles" }, message: "must be equal to constant" };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
                var valid4 = _errs24 === errors;
              } else {
                var valid4 = true;
              }
              if (valid4) {
                if (data.roles !== void 0) {
                  const _errs25 = errors;
                  if (!validate25(data.roles, { instancePath: instancePath + "/roles", parentData: data, parentDataProperty: "roles", rootData, dynamicAnchors })) {
                    vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                    errors = vErrors.length;
                  }
                  var valid4 = _errs25 === errors;
                } else {
                  var valid4 = true;
                }
              }
            }
          }
        } else {
          const err19 = { instancePath, schemaPath: "#/oneOf/3/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
      var _valid0 = _errs21 === errors;
      if (_valid0 && valid0) {
        valid0 = false;
        passing0 = [passing0, 3];
      } else {
        if (_valid0) {
          valid0 = true;
          passing0 = 3;
          if (props0 !== true) {
            props0 = true;
          }
        }
        const _errs26 = errors;
        if (errors === _errs26) {
          if (data && typeof data == "object" && !Array.isArray(data)) {
            let missing4;
            if (data.kind === void 0 && (missing4 = "kind") || data.team === void 0 && (missing4 = "team")) {
              const err20 = { instancePath, schemaPath: "#/oneOf/4/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            } else {
              const _errs28 = errors;
              for (const key4 in data) {
                if (!(key4 === "kind" || key4 === "team")) {
                  const err21 = { instancePath, schemaPath: "#/oneOf/4/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors++;
                  break;
                }
              }
              if (_errs28 === errors) {
                if (data.kind !== void 0) {
                  let data9 = data.kind;
                  const _errs29 = errors;
                  if (!(data9 === "add-team" || data9 === "remove-team")) {
                    const err22 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/4/properties/kind/enum", keyword: "enum", params: { allowedValues: schema39.oneOf[4].properties.kind.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                  var valid5 = _errs29 === errors;
                } else {
                  var valid5 = true;
                }
                if (valid5) {
                  if (data.team !== void 0) {
                    let data10 = data.team;
                    const _errs30 = errors;
                    const _errs31 = errors;
                    if (errors === _errs31) {
                      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                        let missing5;
                        if (data10.uuid === void 0 && (missing5 = "uuid") || data10.name === void 0 && (missing5 = "name")) {
                          const err23 = { instancePath: instancePath + "/team", schemaPath: "#/$defs/ref/required", keyword: "required", params: { missingProperty: missing5 }, message: "must have required property '" + missing5 + "'" };
                          if (vErrors === null) {
                            vErrors = [err23];
                          } else {
                            vErrors.push(err23);
                          }
                          errors++;
                        } else {
                          const _errs33 = errors;
                          for (const key5 in data10) {
                            if (!(key5 === "uuid" || key5 === "name")) {
                              const err24 = { instancePath: instancePath + "/team", schemaPath: "#/$defs/ref/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                              if (vErrors === null) {
                                vErrors = [err24];
                              } else {
                                vErrors.push(err24);
                              }
                              errors++;
                              break;
                            }
                          }
                          if (_errs33 === errors) {
                            if (data10.uuid !== void 0) {
                              let data11 = data10.uuid;
                              const _errs34 = errors;
                              if (errors === _errs34) {
                                if (typeof data11 === "string") {
                                  if (func4(data11) < 1) {
                                    const err25 = { instancePath: instancePath + "/team/uuid", schemaPath: "#/$defs/ref/properties/uuid/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                      vErrors = [err25];
                                    } else {
                                      vErrors.push(err25);
                                    }
                                    errors++;
                                  }
                                } else {
                                  const err26 = { instancePath: instancePath + "/team/uuid", schemaPath: "#/$defs/ref/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  if (vErrors === null) {
                                    vErrors = [err26];
                                  } else {
                                    vErrors.push(err26);
                                  }
                                  errors++;
                                }
                              }
                              var valid7 = _errs34 === errors;
                            } else {
                              var valid7 = true;
                            }
                            if (valid7) {
                              if (data10.name !== void 0) {
                                const _errs36 = errors;
                                if (typeof data10.name !== "string") {
                                  const err27 = { instancePath: instancePath + "/team/name", schemaPath: "#/$defs/ref/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  if (vErrors === null) {
                                    vErrors = [err27];
                                  } else {
                                    vErrors.push(err27);
                                  }
                                  errors++;
                                }
                                var valid7 = _errs36 === errors;
                              } else {
                                var valid7 = true;
                              }
                            }
                          }
                        }
                      } else {
                        const err28 = { instancePath: instancePath + "/team", schemaPath: "#/$defs/ref/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                          vErrors = [err28];
                        } else {
                          vErrors.push(err28);
                        }
                        errors++;
                      }
                    }
                    var valid5 = _errs30 === errors;
                  } else {
                    var valid5 = true;
                  }
                }
              }
            }
          } else {
            const err29 = { instancePath, schemaPath: "#/oneOf/4/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        var _valid0 = _errs26 === errors;
        if (_valid0 && valid0) {
          valid0 = false;
          passing0 = [passing0, 4];
        } else {
          if (_valid0) {
            valid0 = true;
            passing0 = 4;
            if (props0 !== true) {
              props0 = true;
            }
          }
          const _errs38 = errors;
          if (errors === _errs38) {
            if (data && typeof data == "object" && !Array.isArray(data)) {
              let missing6;
              if (data.kind === void 0 && (missing6 = "kind") || data.spec === void 0 && (missing6 = "spec")) {
                const err30 = { instancePath, schemaPath: "#/oneOf/5/required", keyword: "required", params: { missingProperty: missing6 }, message: "must have required property '" + missing6 + "'" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              } else {
                const _errs40 = errors;
                for (const key6 in data) {
                  if (!(key6 === "kind" || key6 === "spec" || key6 === "administrator")) {
                    const err31 = { instancePath, schemaPath: "#/oneOf/5/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                    break;
                  }
                }
                if (_errs40 === errors) {
                  if (data.kind !== void 0) {
                    const _errs41 = errors;
                    if ("reconcile" !== data.kind) {
                      const err32 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/5/properties/kind/const", keyword: "const", params: { allowedValue: "reconcile" }, message: "must be equal to constant" };
                      if (vErrors === null) {
                        vErrors = [err32];
                      } else {
                        vErrors.push(err32);
                      }
                      errors++;
                    }
                    var valid8 = _errs41 === errors;
                  } else {
                    var valid8 = true;
                  }
                  if (valid8) {
                    if (data.spec !== void 0) {
                      const _errs42 = errors;
                      if (!validate27(data.spec, { instancePath: instancePath + "/spec", parentData: data, parentDataProperty: "spec", rootData, dynamicAnchors })) {
                        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
                        errors = vErrors.length;
                      }
                      var valid8 = _errs42 === errors;
                    } else {
                      var valid8 = true;
                    }
                    if (valid8) {
                      if (data.administrator !== void 0) {
                        let data15 = data.administrator;
                        const _errs43 = errors;
                        const _errs44 = errors;
                        if (errors === _errs44) {
                          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                            let missing7;
                            if (data15.uuid === void 0 && (missing7 = "uuid") || data15.name === void 0 && (missing7 = "name")) {
                              const err33 = { instancePath: instancePath + "/administrator", schemaPath: "#/$defs/ref/required", keyword: "required", params: { missingProperty: missing7 }, message: "must have required property '" + missing7 + "'" };
                              if (vErrors === null) {
                                vErrors = [err33];
                              } else {
                                vErrors.push(err33);
                              }
                              errors++;
                            } else {
                              const _errs46 = errors;
                              for (const key7 in data15) {
                                if (!(key7 === "uuid" || key7 === "name")) {
                                  const err34 = { instancePath: instancePath + "/administrator", schemaPath: "#/$defs/ref/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                                  if (vErrors === null) {
                                    vErrors = [err34];
                                  } else {
                                    vErrors.push(err34);
                                  }
                                  errors++;
                                  break;
                                }
                              }
                              if (_errs46 === errors) {
                                if (data15.uuid !== void 0) {
                                  let data16 = data15.uuid;
                                  const _errs47 = errors;
                                  if (errors === _errs47) {
                                    if (typeof data16 === "string") {
                                      if (func4(data16) < 1) {
                                        const err35 = { instancePath: instancePath + "/administrator/uuid", schemaPath: "#/$defs/ref/properties/uuid/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        if (vErrors === null) {
                                          vErrors = [err35];
                                        } else {
                                          vErrors.push(err35);
                                        }
                                        errors++;
                                      }
                                    } else {
                                      const err36 = { instancePath: instancePath + "/administrator/uuid", schemaPath: "#/$defs/ref/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      if (vErrors === null) {
                                        vErrors = [err36];
                                      } else {
                                        vErrors.push(err36);
                                      }
                                      errors++;
                                    }
                                  }
                                  var valid10 = _errs47 === errors;
                                } else {
                                  var valid10 = true;
                                }
                                if (valid10) {
                                  if (data15.name !== void 0) {
                                    const _errs49 = errors;
                                    if (typeof data15.name !== "string") {
                                      const err37 = { instancePath: instancePath + "/administrator/name", schemaPath: "#/$defs/ref/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      if (vErrors === null) {
                                        vErrors = [err37];
                                      } else {
                                        vErrors.push(err37);
                                      }
                                      errors++;
                                    }
                                    var valid10 = _errs49 === errors;
                                  } else {
                                    var valid10 = true;
                                  }
                                }
                              }
                            }
                          } else {
                            const err38 = { instancePath: instancePath + "/administrator", schemaPath: "#/$defs/ref/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                              vErrors = [err38];
                            } else {
                              vErrors.push(err38);
                            }
                            errors++;
                          }
                        }
                        var valid8 = _errs43 === errors;
                      } else {
                        var valid8 = true;
                      }
                    }
                  }
                }
              }
            } else {
              const err39 = { instancePath, schemaPath: "#/oneOf/5/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          }
          var _valid0 = _errs38 === errors;
          if (_valid0 && valid0) {
            valid0 = false;
            passing0 = [passing0, 5];
          } else {
            if (_valid0) {
              valid0 = true;
              passing0 = 5;
              if (props0 !== true) {
                props0 = true;
              }
            }
            const _errs51 = errors;
            if (errors === _errs51) {
              if (data && typeof data == "object" && !Array.isArray(data)) {
                let missing8;
                if (data.kind === void 0 && (missing8 = "kind")) {
                  const err40 = { instancePath, schemaPath: "#/oneOf/6/required", keyword: "required", params: { missingProperty: missing8 }, message: "must have required property '" + missing8 + "'" };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                } else {
                  const _errs53 = errors;
                  for (const key8 in data) {
                    if (!(key8 === "kind")) {
                      const err41 = { instancePath, schemaPath: "#/oneOf/6/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                      if (vErrors === null) {
                        vErrors = [err41];
                      } else {
                        vErrors.push(err41);
                      }
                      errors++;
                      break;
                    }
                  }
                  if (_errs53 === errors) {
                    if (data.kind !== void 0) {
                      let data18 = data.kind;
                      if (!(data18 === "enable" || data18 === "disable" || data18 === "delete")) {
                        const err42 = { instancePath: instancePath + "/kind", schemaPath: "#/oneOf/6/properties/kind/enum", keyword: "enum", params: { allowedValues: schema39.oneOf[6].properties.kind.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                          vErrors = [err42];
                        } else {
                          vErrors.push(err42);
                        }
                        errors++;
                      }
                    }
                  }
                }
              } else {
                const err43 = { instancePath, schemaPath: "#/oneOf/6/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            var _valid0 = _errs51 === errors;
            if (_valid0 && valid0) {
              valid0 = false;
              passing0 = [passing0, 6];
            } else {
              if (_valid0) {
                valid0 = true;
                passing0 = 6;
                if (props0 !== true) {
                  props0 = true;
                }
              }
            }
          }
        }
      }
    }
  }
  if (!valid0) {
    const err44 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err44];
    } else {
      vErrors.push(err44);
    }
    errors++;
    validate24.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate24.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate24.evaluated = { "dynamicProps": true, "dynamicItems": false };
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.gained === void 0 && (missing0 = "gained") || data.lost === void 0 && (missing0 = "lost")) {
        validate33.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "gained" || key0 === "lost")) {
            validate33.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.gained !== void 0) {
            let data0 = data.gained;
            const _errs2 = errors;
            const _errs3 = errors;
            if (errors === _errs3) {
              if (Array.isArray(data0)) {
                var valid2 = true;
                const len0 = data0.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  const _errs5 = errors;
                  if (typeof data0[i0] !== "string") {
                    validate33.errors = [{ instancePath: instancePath + "/gained/" + i0, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  var valid2 = _errs5 === errors;
                  if (!valid2) {
                    break;
                  }
                }
              } else {
                validate33.errors = [{ instancePath: instancePath + "/gained", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.lost !== void 0) {
              let data2 = data.lost;
              const _errs7 = errors;
              const _errs8 = errors;
              if (errors === _errs8) {
                if (Array.isArray(data2)) {
                  var valid4 = true;
                  const len1 = data2.length;
                  for (let i1 = 0; i1 < len1; i1++) {
                    const _errs10 = errors;
                    if (typeof data2[i1] !== "string") {
                      validate33.errors = [{ instancePath: instancePath + "/lost/" + i1, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                    var valid4 = _errs10 === errors;
                    if (!valid4) {
                      break;
                    }
                  }
                } else {
                  validate33.errors = [{ instancePath: instancePath + "/lost", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs7 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate33.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate33.errors = vErrors;
  return errors === 0;
}
validate33.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate35.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.guard === void 0 && (missing0 = "guard") || data.message === void 0 && (missing0 = "message")) {
        validate35.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "guard" || key0 === "message")) {
            validate35.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.guard !== void 0) {
            let data0 = data.guard;
            const _errs2 = errors;
            if (!(data0 === "protected" || data0 === "self-lockout" || data0 === "scope" || data0 === "role-in-use")) {
              validate35.errors = [{ instancePath: instancePath + "/guard", schemaPath: "#/$defs/guard/enum", keyword: "enum", params: { allowedValues: schema35.enum }, message: "must be equal to one of the allowed values" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.message !== void 0) {
              const _errs4 = errors;
              if (typeof data.message !== "string") {
                validate35.errors = [{ instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate35.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate35.errors = vErrors;
  return errors === 0;
}
validate35.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema54 = { "description": "Values of the role fields a change touches.", "type": "object", "additionalProperties": false, "properties": { "name": { "description": "Role name.", "type": "string" }, "description": { "description": "Description, or null for none.", "type": ["string", "null"] }, "permissions": { "$ref": "#/$defs/scopes" } } };
function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate37.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(key0 === "name" || key0 === "description" || key0 === "permissions")) {
          validate37.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.name !== void 0) {
          const _errs2 = errors;
          if (typeof data.name !== "string") {
            validate37.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
            return false;
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.description !== void 0) {
            let data1 = data.description;
            const _errs4 = errors;
            if (typeof data1 !== "string" && data1 !== null) {
              validate37.errors = [{ instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: schema54.properties.description.type }, message: "must be string,null" }];
              return false;
            }
            var valid0 = _errs4 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.permissions !== void 0) {
              let data2 = data.permissions;
              const _errs6 = errors;
              const _errs7 = errors;
              if (errors === _errs7) {
                if (Array.isArray(data2)) {
                  var valid2 = true;
                  const len0 = data2.length;
                  for (let i0 = 0; i0 < len0; i0++) {
                    const _errs9 = errors;
                    if (typeof data2[i0] !== "string") {
                      validate37.errors = [{ instancePath: instancePath + "/permissions/" + i0, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                    var valid2 = _errs9 === errors;
                    if (!valid2) {
                      break;
                    }
                  }
                } else {
                  validate37.errors = [{ instancePath: instancePath + "/permissions", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs6 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate37.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate37.errors = vErrors;
  return errors === 0;
}
validate37.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate40(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate40.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.name === void 0 && (missing0 = "name") || data.permissions === void 0 && (missing0 = "permissions")) {
        validate40.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "name" || key0 === "description" || key0 === "permissions")) {
            validate40.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== void 0) {
            const _errs2 = errors;
            if (typeof data.name !== "string") {
              validate40.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.description !== void 0) {
              const _errs4 = errors;
              if (typeof data.description !== "string") {
                validate40.errors = [{ instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.permissions !== void 0) {
                let data2 = data.permissions;
                const _errs6 = errors;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (Array.isArray(data2)) {
                    var valid2 = true;
                    const len0 = data2.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs9 = errors;
                      if (typeof data2[i0] !== "string") {
                        validate40.errors = [{ instancePath: instancePath + "/permissions/" + i0, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                      var valid2 = _errs9 === errors;
                      if (!valid2) {
                        break;
                      }
                    }
                  } else {
                    validate40.errors = [{ instancePath: instancePath + "/permissions", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate40.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate40.errors = vErrors;
  return errors === 0;
}
validate40.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.formatVersion === void 0 && (missing0 = "formatVersion") || data.generator === void 0 && (missing0 = "generator") || data.baseUrl === void 0 && (missing0 = "baseUrl") || data.desired === void 0 && (missing0 = "desired") || data.caller === void 0 && (missing0 = "caller") || data.targets === void 0 && (missing0 = "targets") || data.summary === void 0 && (missing0 = "summary") || data.hash === void 0 && (missing0 = "hash") || data.guards === void 0 && (missing0 = "guards") || data.changes === void 0 && (missing0 = "changes") || data.unmanaged === void 0 && (missing0 = "unmanaged")) {
        validate20.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema31.properties, key0)) {
            validate20.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.formatVersion !== void 0) {
            const _errs2 = errors;
            if (1 !== data.formatVersion) {
              validate20.errors = [{ instancePath: instancePath + "/formatVersion", schemaPath: "#/properties/formatVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.generator !== void 0) {
              const _errs3 = errors;
              if (typeof data.generator !== "string") {
                validate20.errors = [{ instancePath: instancePath + "/generator", schemaPath: "#/properties/generator/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.baseUrl !== void 0) {
                const _errs5 = errors;
                if (typeof data.baseUrl !== "string") {
                  validate20.errors = [{ instancePath: instancePath + "/baseUrl", schemaPath: "#/properties/baseUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.desired !== void 0) {
                  let data3 = data.desired;
                  const _errs7 = errors;
                  if (errors === _errs7) {
                    if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                      let missing1;
                      if (data3.file === void 0 && (missing1 = "file") || data3.sha256 === void 0 && (missing1 = "sha256")) {
                        validate20.errors = [{ instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                        return false;
                      } else {
                        const _errs9 = errors;
                        for (const key1 in data3) {
                          if (!(key1 === "file" || key1 === "sha256")) {
                            validate20.errors = [{ instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                            return false;
                            break;
                          }
                        }
                        if (_errs9 === errors) {
                          if (data3.file !== void 0) {
                            const _errs10 = errors;
                            if (typeof data3.file !== "string") {
                              validate20.errors = [{ instancePath: instancePath + "/desired/file", schemaPath: "#/properties/desired/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                            var valid1 = _errs10 === errors;
                          } else {
                            var valid1 = true;
                          }
                          if (valid1) {
                            if (data3.sha256 !== void 0) {
                              let data5 = data3.sha256;
                              const _errs12 = errors;
                              if (errors === _errs12) {
                                if (typeof data5 === "string") {
                                  if (!pattern4.test(data5)) {
                                    validate20.errors = [{ instancePath: instancePath + "/desired/sha256", schemaPath: "#/properties/desired/properties/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                    return false;
                                  }
                                } else {
                                  validate20.errors = [{ instancePath: instancePath + "/desired/sha256", schemaPath: "#/properties/desired/properties/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                  return false;
                                }
                              }
                              var valid1 = _errs12 === errors;
                            } else {
                              var valid1 = true;
                            }
                          }
                        }
                      }
                    } else {
                      validate20.errors = [{ instancePath: instancePath + "/desired", schemaPath: "#/properties/desired/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                      return false;
                    }
                  }
                  var valid0 = _errs7 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.caller !== void 0) {
                    let data6 = data.caller;
                    const _errs14 = errors;
                    if (errors === _errs14) {
                      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                        let missing2;
                        if (data6.uuid === void 0 && (missing2 = "uuid") || data6.name === void 0 && (missing2 = "name")) {
                          validate20.errors = [{ instancePath: instancePath + "/caller", schemaPath: "#/properties/caller/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                          return false;
                        } else {
                          const _errs16 = errors;
                          for (const key2 in data6) {
                            if (!(key2 === "uuid" || key2 === "name")) {
                              validate20.errors = [{ instancePath: instancePath + "/caller", schemaPath: "#/properties/caller/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" }];
                              return false;
                              break;
                            }
                          }
                          if (_errs16 === errors) {
                            if (data6.uuid !== void 0) {
                              const _errs17 = errors;
                              if (typeof data6.uuid !== "string") {
                                validate20.errors = [{ instancePath: instancePath + "/caller/uuid", schemaPath: "#/properties/caller/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                return false;
                              }
                              var valid2 = _errs17 === errors;
                            } else {
                              var valid2 = true;
                            }
                            if (valid2) {
                              if (data6.name !== void 0) {
                                const _errs19 = errors;
                                if (typeof data6.name !== "string") {
                                  validate20.errors = [{ instancePath: instancePath + "/caller/name", schemaPath: "#/properties/caller/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                  return false;
                                }
                                var valid2 = _errs19 === errors;
                              } else {
                                var valid2 = true;
                              }
                            }
                          }
                        }
                      } else {
                        validate20.errors = [{ instancePath: instancePath + "/caller", schemaPath: "#/properties/caller/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                        return false;
                      }
                    }
                    var valid0 = _errs14 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.targets !== void 0) {
                      let data9 = data.targets;
                      const _errs21 = errors;
                      if (!Array.isArray(data9) && data9 !== null) {
                        validate20.errors = [{ instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/type", keyword: "type", params: { type: schema31.properties.targets.type }, message: "must be array,null" }];
                        return false;
                      }
                      if (errors === _errs21) {
                        if (Array.isArray(data9)) {
                          var valid3 = true;
                          const len0 = data9.length;
                          for (let i0 = 0; i0 < len0; i0++) {
                            const _errs23 = errors;
                            if (typeof data9[i0] !== "string") {
                              validate20.errors = [{ instancePath: instancePath + "/targets/" + i0, schemaPath: "#/properties/targets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                            var valid3 = _errs23 === errors;
                            if (!valid3) {
                              break;
                            }
                          }
                        }
                      }
                      var valid0 = _errs21 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.hash !== void 0) {
                        let data11 = data.hash;
                        const _errs25 = errors;
                        if (errors === _errs25) {
                          if (typeof data11 === "string") {
                            if (!pattern5.test(data11)) {
                              validate20.errors = [{ instancePath: instancePath + "/hash", schemaPath: "#/properties/hash/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{12}$" }, message: 'must match pattern "^[0-9a-f]{12}$"' }];
                              return false;
                            }
                          } else {
                            validate20.errors = [{ instancePath: instancePath + "/hash", schemaPath: "#/properties/hash/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                            return false;
                          }
                        }
                        var valid0 = _errs25 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.summary !== void 0) {
                          let data12 = data.summary;
                          const _errs27 = errors;
                          if (errors === _errs27) {
                            if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                              let missing3;
                              if (data12.delete === void 0 && (missing3 = "delete") || data12.create === void 0 && (missing3 = "create") || data12.rename === void 0 && (missing3 = "rename") || data12.disable === void 0 && (missing3 = "disable") || data12.enable === void 0 && (missing3 = "enable") || data12.update === void 0 && (missing3 = "update") || data12.unchanged === void 0 && (missing3 = "unchanged") || data12.unmanaged === void 0 && (missing3 = "unmanaged") || data12.outOfScope === void 0 && (missing3 = "outOfScope") || data12.refused === void 0 && (missing3 = "refused")) {
                                validate20.errors = [{ instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                                return false;
                              } else {
                                const _errs29 = errors;
                                for (const key3 in data12) {
                                  if (!func1.call(schema31.properties.summary.properties, key3)) {
                                    validate20.errors = [{ instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                    return false;
                                    break;
                                  }
                                }
                                if (_errs29 === errors) {
                                  if (data12.delete !== void 0) {
                                    let data13 = data12.delete;
                                    const _errs30 = errors;
                                    if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                                      validate20.errors = [{ instancePath: instancePath + "/summary/delete", schemaPath: "#/properties/summary/properties/delete/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                      return false;
                                    }
                                    if (errors === _errs30) {
                                      if (typeof data13 == "number" && isFinite(data13)) {
                                        if (data13 < 0 || isNaN(data13)) {
                                          validate20.errors = [{ instancePath: instancePath + "/summary/delete", schemaPath: "#/properties/summary/properties/delete/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                          return false;
                                        }
                                      }
                                    }
                                    var valid4 = _errs30 === errors;
                                  } else {
                                    var valid4 = true;
                                  }
                                  if (valid4) {
                                    if (data12.create !== void 0) {
                                      let data14 = data12.create;
                                      const _errs32 = errors;
                                      if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                                        validate20.errors = [{ instancePath: instancePath + "/summary/create", schemaPath: "#/properties/summary/properties/create/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                        return false;
                                      }
                                      if (errors === _errs32) {
                                        if (typeof data14 == "number" && isFinite(data14)) {
                                          if (data14 < 0 || isNaN(data14)) {
                                            validate20.errors = [{ instancePath: instancePath + "/summary/create", schemaPath: "#/properties/summary/properties/create/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                            return false;
                                          }
                                        }
                                      }
                                      var valid4 = _errs32 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                    if (valid4) {
                                      if (data12.rename !== void 0) {
                                        let data15 = data12.rename;
                                        const _errs34 = errors;
                                        if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                                          validate20.errors = [{ instancePath: instancePath + "/summary/rename", schemaPath: "#/properties/summary/properties/rename/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                          return false;
                                        }
                                        if (errors === _errs34) {
                                          if (typeof data15 == "number" && isFinite(data15)) {
                                            if (data15 < 0 || isNaN(data15)) {
                                              validate20.errors = [{ instancePath: instancePath + "/summary/rename", schemaPath: "#/properties/summary/properties/rename/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                              return false;
                                            }
                                          }
                                        }
                                        var valid4 = _errs34 === errors;
                                      } else {
                                        var valid4 = true;
                                      }
                                      if (valid4) {
                                        if (data12.disable !== void 0) {
                                          let data16 = data12.disable;
                                          const _errs36 = errors;
                                          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                                            validate20.errors = [{ instancePath: instancePath + "/summary/disable", schemaPath: "#/properties/summary/properties/disable/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                            return false;
                                          }
                                          if (errors === _errs36) {
                                            if (typeof data16 == "number" && isFinite(data16)) {
                                              if (data16 < 0 || isNaN(data16)) {
                                                validate20.errors = [{ instancePath: instancePath + "/summary/disable", schemaPath: "#/properties/summary/properties/disable/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                return false;
                                              }
                                            }
                                          }
                                          var valid4 = _errs36 === errors;
                                        } else {
                                          var valid4 = true;
                                        }
                                        if (valid4) {
                                          if (data12.enable !== void 0) {
                                            let data17 = data12.enable;
                                            const _errs38 = errors;
                                            if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
                                              validate20.errors = [{ instancePath: instancePath + "/summary/enable", schemaPath: "#/properties/summary/properties/enable/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                              return false;
                                            }
                                            if (errors === _errs38) {
                                              if (typeof data17 == "number" && isFinite(data17)) {
                                                if (data17 < 0 || isNaN(data17)) {
                                                  validate20.errors = [{ instancePath: instancePath + "/summary/enable", schemaPath: "#/properties/summary/properties/enable/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                  return false;
                                                }
                                              }
                                            }
                                            var valid4 = _errs38 === errors;
                                          } else {
                                            var valid4 = true;
                                          }
                                          if (valid4) {
                                            if (data12.update !== void 0) {
                                              let data18 = data12.update;
                                              const _errs40 = errors;
                                              if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                                                validate20.errors = [{ instancePath: instancePath + "/summary/update", schemaPath: "#/properties/summary/properties/update/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                return false;
                                              }
                                              if (errors === _errs40) {
                                                if (typeof data18 == "number" && isFinite(data18)) {
                                                  if (data18 < 0 || isNaN(data18)) {
                                                    validate20.errors = [{ instancePath: instancePath + "/summary/update", schemaPath: "#/properties/summary/properties/update/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                    return false;
                                                  }
                                                }
                                              }
                                              var valid4 = _errs40 === errors;
                                            } else {
                                              var valid4 = true;
                                            }
                                            if (valid4) {
                                              if (data12.unchanged !== void 0) {
                                                let data19 = data12.unchanged;
                                                const _errs42 = errors;
                                                if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                                                  validate20.errors = [{ instancePath: instancePath + "/summary/unchanged", schemaPath: "#/properties/summary/properties/unchanged/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                  return false;
                                                }
                                                if (errors === _errs42) {
                                                  if (typeof data19 == "number" && isFinite(data19)) {
                                                    if (data19 < 0 || isNaN(data19)) {
                                                      validate20.errors = [{ instancePath: instancePath + "/summary/unchanged", schemaPath: "#/properties/summary/properties/unchanged/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                      return false;
                                                    }
                                                  }
                                                }
                                                var valid4 = _errs42 === errors;
                                              } else {
                                                var valid4 = true;
                                              }
                                              if (valid4) {
                                                if (data12.unmanaged !== void 0) {
                                                  let data20 = data12.unmanaged;
                                                  const _errs44 = errors;
                                                  if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                                                    validate20.errors = [{ instancePath: instancePath + "/summary/unmanaged", schemaPath: "#/properties/summary/properties/unmanaged/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (errors === _errs44) {
                                                    if (typeof data20 == "number" && isFinite(data20)) {
                                                      if (data20 < 0 || isNaN(data20)) {
                                                        validate20.errors = [{ instancePath: instancePath + "/summary/unmanaged", schemaPath: "#/properties/summary/properties/unmanaged/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid4 = _errs44 === errors;
                                                } else {
                                                  var valid4 = true;
                                                }
                                                if (valid4) {
                                                  if (data12.outOfScope !== void 0) {
                                                    let data21 = data12.outOfScope;
                                                    const _errs46 = errors;
                                                    if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
                                                      validate20.errors = [{ instancePath: instancePath + "/summary/outOfScope", schemaPath: "#/properties/summary/properties/outOfScope/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                      return false;
                                                    }
                                                    if (errors === _errs46) {
                                                      if (typeof data21 == "number" && isFinite(data21)) {
                                                        if (data21 < 0 || isNaN(data21)) {
                                                          validate20.errors = [{ instancePath: instancePath + "/summary/outOfScope", schemaPath: "#/properties/summary/properties/outOfScope/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                          return false;
                                                        }
                                                      }
                                                    }
                                                    var valid4 = _errs46 === errors;
                                                  } else {
                                                    var valid4 = true;
                                                  }
                                                  if (valid4) {
                                                    if (data12.refused !== void 0) {
                                                      let data22 = data12.refused;
                                                      const _errs48 = errors;
                                                      if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                                                        validate20.errors = [{ instancePath: instancePath + "/summary/refused", schemaPath: "#/properties/summary/properties/refused/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                        return false;
                                                      }
                                                      if (errors === _errs48) {
                                                        if (typeof data22 == "number" && isFinite(data22)) {
                                                          if (data22 < 0 || isNaN(data22)) {
                                                            validate20.errors = [{ instancePath: instancePath + "/summary/refused", schemaPath: "#/properties/summary/properties/refused/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                            return false;
                                                          }
                                                        }
                                                      }
                                                      var valid4 = _errs48 === errors;
                                                    } else {
                                                      var valid4 = true;
                                                    }
                                                    if (valid4) {
                                                      if (data12.roleCreate !== void 0) {
                                                        let data23 = data12.roleCreate;
                                                        const _errs50 = errors;
                                                        if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                                                          validate20.errors = [{ instancePath: instancePath + "/summary/roleCreate", schemaPath: "#/properties/summary/properties/roleCreate/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                          return false;
                                                        }
                                                        if (errors === _errs50) {
                                                          if (typeof data23 == "number" && isFinite(data23)) {
                                                            if (data23 < 0 || isNaN(data23)) {
                                                              validate20.errors = [{ instancePath: instancePath + "/summary/roleCreate", schemaPath: "#/properties/summary/properties/roleCreate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                              return false;
                                                            }
                                                          }
                                                        }
                                                        var valid4 = _errs50 === errors;
                                                      } else {
                                                        var valid4 = true;
                                                      }
                                                      if (valid4) {
                                                        if (data12.roleUpdate !== void 0) {
                                                          let data24 = data12.roleUpdate;
                                                          const _errs52 = errors;
                                                          if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
                                                            validate20.errors = [{ instancePath: instancePath + "/summary/roleUpdate", schemaPath: "#/properties/summary/properties/roleUpdate/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                            return false;
                                                          }
                                                          if (errors === _errs52) {
                                                            if (typeof data24 == "number" && isFinite(data24)) {
                                                              if (data24 < 0 || isNaN(data24)) {
                                                                validate20.errors = [{ instancePath: instancePath + "/summary/roleUpdate", schemaPath: "#/properties/summary/properties/roleUpdate/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                          var valid4 = _errs52 === errors;
                                                        } else {
                                                          var valid4 = true;
                                                        }
                                                        if (valid4) {
                                                          if (data12.roleDelete !== void 0) {
                                                            let data25 = data12.roleDelete;
                                                            const _errs54 = errors;
                                                            if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
                                                              validate20.errors = [{ instancePath: instancePath + "/summary/roleDelete", schemaPath: "#/properties/summary/properties/roleDelete/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                              return false;
                                                            }
                                                            if (errors === _errs54) {
                                                              if (typeof data25 == "number" && isFinite(data25)) {
                                                                if (data25 < 0 || isNaN(data25)) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/summary/roleDelete", schemaPath: "#/properties/summary/properties/roleDelete/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                            var valid4 = _errs54 === errors;
                                                          } else {
                                                            var valid4 = true;
                                                          }
                                                          if (valid4) {
                                                            if (data12.privilegeGains !== void 0) {
                                                              let data26 = data12.privilegeGains;
                                                              const _errs56 = errors;
                                                              if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
                                                                validate20.errors = [{ instancePath: instancePath + "/summary/privilegeGains", schemaPath: "#/properties/summary/properties/privilegeGains/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs56) {
                                                                if (typeof data26 == "number" && isFinite(data26)) {
                                                                  if (data26 < 0 || isNaN(data26)) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/summary/privilegeGains", schemaPath: "#/properties/summary/properties/privilegeGains/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                    return false;
                                                                  }
                                                                }
                                                              }
                                                              var valid4 = _errs56 === errors;
                                                            } else {
                                                              var valid4 = true;
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            } else {
                              validate20.errors = [{ instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                              return false;
                            }
                          }
                          var valid0 = _errs27 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.guards !== void 0) {
                            let data27 = data.guards;
                            const _errs58 = errors;
                            if (errors === _errs58) {
                              if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                                let missing4;
                                if (data27.limits === void 0 && (missing4 = "limits") || data27.exceeded === void 0 && (missing4 = "exceeded") || data27.refusals === void 0 && (missing4 = "refusals") || data27.ok === void 0 && (missing4 = "ok")) {
                                  validate20.errors = [{ instancePath: instancePath + "/guards", schemaPath: "#/properties/guards/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" }];
                                  return false;
                                } else {
                                  const _errs60 = errors;
                                  for (const key4 in data27) {
                                    if (!(key4 === "limits" || key4 === "exceeded" || key4 === "refusals" || key4 === "ok")) {
                                      validate20.errors = [{ instancePath: instancePath + "/guards", schemaPath: "#/properties/guards/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs60 === errors) {
                                    if (data27.limits !== void 0) {
                                      let data28 = data27.limits;
                                      const _errs61 = errors;
                                      if (errors === _errs61) {
                                        if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                                          let missing5;
                                          if (data28.maxDeletes === void 0 && (missing5 = "maxDeletes") || data28.maxDisables === void 0 && (missing5 = "maxDisables") || data28.maxAdminChanges === void 0 && (missing5 = "maxAdminChanges")) {
                                            validate20.errors = [{ instancePath: instancePath + "/guards/limits", schemaPath: "#/properties/guards/properties/limits/required", keyword: "required", params: { missingProperty: missing5 }, message: "must have required property '" + missing5 + "'" }];
                                            return false;
                                          } else {
                                            const _errs63 = errors;
                                            for (const key5 in data28) {
                                              if (!(key5 === "maxDeletes" || key5 === "maxDisables" || key5 === "maxAdminChanges")) {
                                                validate20.errors = [{ instancePath: instancePath + "/guards/limits", schemaPath: "#/properties/guards/properties/limits/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" }];
                                                return false;
                                                break;
                                              }
                                            }
                                            if (_errs63 === errors) {
                                              if (data28.maxDeletes !== void 0) {
                                                let data29 = data28.maxDeletes;
                                                const _errs64 = errors;
                                                const _errs65 = errors;
                                                if (errors === _errs65) {
                                                  if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
                                                    let missing6;
                                                    if (data29.count === void 0 && (missing6 = "count") || data29.limit === void 0 && (missing6 = "limit")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes", schemaPath: "#/$defs/limit/required", keyword: "required", params: { missingProperty: missing6 }, message: "must have required property '" + missing6 + "'" }];
                                                      return false;
                                                    } else {
                                                      const _errs67 = errors;
                                                      for (const key6 in data29) {
                                                        if (!(key6 === "count" || key6 === "limit")) {
                                                          validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes", schemaPath: "#/$defs/limit/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" }];
                                                          return false;
                                                          break;
                                                        }
                                                      }
                                                      if (_errs67 === errors) {
                                                        if (data29.count !== void 0) {
                                                          let data30 = data29.count;
                                                          const _errs68 = errors;
                                                          if (!(typeof data30 == "number" && (!(data30 % 1) && !isNaN(data30)) && isFinite(data30))) {
                                                            validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes/count", schemaPath: "#/$defs/limit/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                            return false;
                                                          }
                                                          if (errors === _errs68) {
                                                            if (typeof data30 == "number" && isFinite(data30)) {
                                                              if (data30 < 0 || isNaN(data30)) {
                                                                validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes/count", schemaPath: "#/$defs/limit/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                          var valid8 = _errs68 === errors;
                                                        } else {
                                                          var valid8 = true;
                                                        }
                                                        if (valid8) {
                                                          if (data29.limit !== void 0) {
                                                            let data31 = data29.limit;
                                                            const _errs70 = errors;
                                                            if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
                                                              validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes/limit", schemaPath: "#/$defs/limit/properties/limit/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                              return false;
                                                            }
                                                            if (errors === _errs70) {
                                                              if (typeof data31 == "number" && isFinite(data31)) {
                                                                if (data31 < 0 || isNaN(data31)) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes/limit", schemaPath: "#/$defs/limit/properties/limit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                            var valid8 = _errs70 === errors;
                                                          } else {
                                                            var valid8 = true;
                                                          }
                                                        }
                                                      }
                                                    }
                                                  } else {
                                                    validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDeletes", schemaPath: "#/$defs/limit/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                    return false;
                                                  }
                                                }
                                                var valid6 = _errs64 === errors;
                                              } else {
                                                var valid6 = true;
                                              }
                                              if (valid6) {
                                                if (data28.maxDisables !== void 0) {
                                                  let data32 = data28.maxDisables;
                                                  const _errs72 = errors;
                                                  const _errs73 = errors;
                                                  if (errors === _errs73) {
                                                    if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
                                                      let missing7;
                                                      if (data32.count === void 0 && (missing7 = "count") || data32.limit === void 0 && (missing7 = "limit")) {
                                                        validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables", schemaPath: "#/$defs/limit/required", keyword: "required", params: { missingProperty: missing7 }, message: "must have required property '" + missing7 + "'" }];
                                                        return false;
                                                      } else {
                                                        const _errs75 = errors;
                                                        for (const key7 in data32) {
                                                          if (!(key7 === "count" || key7 === "limit")) {
                                                            validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables", schemaPath: "#/$defs/limit/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" }];
                                                            return false;
                                                            break;
                                                          }
                                                        }
                                                        if (_errs75 === errors) {
                                                          if (data32.count !== void 0) {
                                                            let data33 = data32.count;
                                                            const _errs76 = errors;
                                                            if (!(typeof data33 == "number" && (!(data33 % 1) && !isNaN(data33)) && isFinite(data33))) {
                                                              validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables/count", schemaPath: "#/$defs/limit/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                              return false;
                                                            }
                                                            if (errors === _errs76) {
                                                              if (typeof data33 == "number" && isFinite(data33)) {
                                                                if (data33 < 0 || isNaN(data33)) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables/count", schemaPath: "#/$defs/limit/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                            var valid10 = _errs76 === errors;
                                                          } else {
                                                            var valid10 = true;
                                                          }
                                                          if (valid10) {
                                                            if (data32.limit !== void 0) {
                                                              let data34 = data32.limit;
                                                              const _errs78 = errors;
                                                              if (!(typeof data34 == "number" && (!(data34 % 1) && !isNaN(data34)) && isFinite(data34))) {
                                                                validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables/limit", schemaPath: "#/$defs/limit/properties/limit/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs78) {
                                                                if (typeof data34 == "number" && isFinite(data34)) {
                                                                  if (data34 < 0 || isNaN(data34)) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables/limit", schemaPath: "#/$defs/limit/properties/limit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                    return false;
                                                                  }
                                                                }
                                                              }
                                                              var valid10 = _errs78 === errors;
                                                            } else {
                                                              var valid10 = true;
                                                            }
                                                          }
                                                        }
                                                      }
                                                    } else {
                                                      validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxDisables", schemaPath: "#/$defs/limit/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid6 = _errs72 === errors;
                                                } else {
                                                  var valid6 = true;
                                                }
                                                if (valid6) {
                                                  if (data28.maxAdminChanges !== void 0) {
                                                    let data35 = data28.maxAdminChanges;
                                                    const _errs80 = errors;
                                                    const _errs81 = errors;
                                                    if (errors === _errs81) {
                                                      if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
                                                        let missing8;
                                                        if (data35.count === void 0 && (missing8 = "count") || data35.limit === void 0 && (missing8 = "limit")) {
                                                          validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges", schemaPath: "#/$defs/limit/required", keyword: "required", params: { missingProperty: missing8 }, message: "must have required property '" + missing8 + "'" }];
                                                          return false;
                                                        } else {
                                                          const _errs83 = errors;
                                                          for (const key8 in data35) {
                                                            if (!(key8 === "count" || key8 === "limit")) {
                                                              validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges", schemaPath: "#/$defs/limit/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" }];
                                                              return false;
                                                              break;
                                                            }
                                                          }
                                                          if (_errs83 === errors) {
                                                            if (data35.count !== void 0) {
                                                              let data36 = data35.count;
                                                              const _errs84 = errors;
                                                              if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)) && isFinite(data36))) {
                                                                validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges/count", schemaPath: "#/$defs/limit/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs84) {
                                                                if (typeof data36 == "number" && isFinite(data36)) {
                                                                  if (data36 < 0 || isNaN(data36)) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges/count", schemaPath: "#/$defs/limit/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                    return false;
                                                                  }
                                                                }
                                                              }
                                                              var valid12 = _errs84 === errors;
                                                            } else {
                                                              var valid12 = true;
                                                            }
                                                            if (valid12) {
                                                              if (data35.limit !== void 0) {
                                                                let data37 = data35.limit;
                                                                const _errs86 = errors;
                                                                if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)) && isFinite(data37))) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges/limit", schemaPath: "#/$defs/limit/properties/limit/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                  return false;
                                                                }
                                                                if (errors === _errs86) {
                                                                  if (typeof data37 == "number" && isFinite(data37)) {
                                                                    if (data37 < 0 || isNaN(data37)) {
                                                                      validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges/limit", schemaPath: "#/$defs/limit/properties/limit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                                var valid12 = _errs86 === errors;
                                                              } else {
                                                                var valid12 = true;
                                                              }
                                                            }
                                                          }
                                                        }
                                                      } else {
                                                        validate20.errors = [{ instancePath: instancePath + "/guards/limits/maxAdminChanges", schemaPath: "#/$defs/limit/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid6 = _errs80 === errors;
                                                  } else {
                                                    var valid6 = true;
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        } else {
                                          validate20.errors = [{ instancePath: instancePath + "/guards/limits", schemaPath: "#/properties/guards/properties/limits/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                          return false;
                                        }
                                      }
                                      var valid5 = _errs61 === errors;
                                    } else {
                                      var valid5 = true;
                                    }
                                    if (valid5) {
                                      if (data27.exceeded !== void 0) {
                                        let data38 = data27.exceeded;
                                        const _errs88 = errors;
                                        if (errors === _errs88) {
                                          if (Array.isArray(data38)) {
                                            var valid13 = true;
                                            const len1 = data38.length;
                                            for (let i1 = 0; i1 < len1; i1++) {
                                              let data39 = data38[i1];
                                              const _errs90 = errors;
                                              if (!(data39 === "maxDeletes" || data39 === "maxDisables" || data39 === "maxAdminChanges")) {
                                                validate20.errors = [{ instancePath: instancePath + "/guards/exceeded/" + i1, schemaPath: "#/properties/guards/properties/exceeded/items/enum", keyword: "enum", params: { allowedValues: schema31.properties.guards.properties.exceeded.items.enum }, message: "must be equal to one of the allowed values" }];
                                                return false;
                                              }
                                              var valid13 = _errs90 === errors;
                                              if (!valid13) {
                                                break;
                                              }
                                            }
                                          } else {
                                            validate20.errors = [{ instancePath: instancePath + "/guards/exceeded", schemaPath: "#/properties/guards/properties/exceeded/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                            return false;
                                          }
                                        }
                                        var valid5 = _errs88 === errors;
                                      } else {
                                        var valid5 = true;
                                      }
                                      if (valid5) {
                                        if (data27.refusals !== void 0) {
                                          let data40 = data27.refusals;
                                          const _errs91 = errors;
                                          if (errors === _errs91) {
                                            if (Array.isArray(data40)) {
                                              var valid14 = true;
                                              const len2 = data40.length;
                                              for (let i2 = 0; i2 < len2; i2++) {
                                                let data41 = data40[i2];
                                                const _errs93 = errors;
                                                if (errors === _errs93) {
                                                  if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
                                                    let missing9;
                                                    if (data41.account === void 0 && (missing9 = "account") || data41.guard === void 0 && (missing9 = "guard") || data41.message === void 0 && (missing9 = "message")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2, schemaPath: "#/properties/guards/properties/refusals/items/required", keyword: "required", params: { missingProperty: missing9 }, message: "must have required property '" + missing9 + "'" }];
                                                      return false;
                                                    } else {
                                                      const _errs95 = errors;
                                                      for (const key9 in data41) {
                                                        if (!(key9 === "account" || key9 === "guard" || key9 === "message")) {
                                                          validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2, schemaPath: "#/properties/guards/properties/refusals/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" }];
                                                          return false;
                                                          break;
                                                        }
                                                      }
                                                      if (_errs95 === errors) {
                                                        if (data41.account !== void 0) {
                                                          const _errs96 = errors;
                                                          if (typeof data41.account !== "string") {
                                                            validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2 + "/account", schemaPath: "#/properties/guards/properties/refusals/items/properties/account/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                            return false;
                                                          }
                                                          var valid15 = _errs96 === errors;
                                                        } else {
                                                          var valid15 = true;
                                                        }
                                                        if (valid15) {
                                                          if (data41.guard !== void 0) {
                                                            let data43 = data41.guard;
                                                            const _errs98 = errors;
                                                            if (!(data43 === "protected" || data43 === "self-lockout" || data43 === "scope" || data43 === "role-in-use")) {
                                                              validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2 + "/guard", schemaPath: "#/$defs/guard/enum", keyword: "enum", params: { allowedValues: schema35.enum }, message: "must be equal to one of the allowed values" }];
                                                              return false;
                                                            }
                                                            var valid15 = _errs98 === errors;
                                                          } else {
                                                            var valid15 = true;
                                                          }
                                                          if (valid15) {
                                                            if (data41.message !== void 0) {
                                                              const _errs100 = errors;
                                                              if (typeof data41.message !== "string") {
                                                                validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2 + "/message", schemaPath: "#/properties/guards/properties/refusals/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                return false;
                                                              }
                                                              var valid15 = _errs100 === errors;
                                                            } else {
                                                              var valid15 = true;
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  } else {
                                                    validate20.errors = [{ instancePath: instancePath + "/guards/refusals/" + i2, schemaPath: "#/properties/guards/properties/refusals/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                    return false;
                                                  }
                                                }
                                                var valid14 = _errs93 === errors;
                                                if (!valid14) {
                                                  break;
                                                }
                                              }
                                            } else {
                                              validate20.errors = [{ instancePath: instancePath + "/guards/refusals", schemaPath: "#/properties/guards/properties/refusals/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                              return false;
                                            }
                                          }
                                          var valid5 = _errs91 === errors;
                                        } else {
                                          var valid5 = true;
                                        }
                                        if (valid5) {
                                          if (data27.ok !== void 0) {
                                            const _errs102 = errors;
                                            if (typeof data27.ok !== "boolean") {
                                              validate20.errors = [{ instancePath: instancePath + "/guards/ok", schemaPath: "#/properties/guards/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                              return false;
                                            }
                                            var valid5 = _errs102 === errors;
                                          } else {
                                            var valid5 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate20.errors = [{ instancePath: instancePath + "/guards", schemaPath: "#/properties/guards/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs58 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.changes !== void 0) {
                              let data46 = data.changes;
                              const _errs104 = errors;
                              if (errors === _errs104) {
                                if (Array.isArray(data46)) {
                                  var valid17 = true;
                                  const len3 = data46.length;
                                  for (let i3 = 0; i3 < len3; i3++) {
                                    let data47 = data46[i3];
                                    const _errs106 = errors;
                                    if (errors === _errs106) {
                                      if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
                                        let missing10;
                                        if (data47.account === void 0 && (missing10 = "account") || data47.action === void 0 && (missing10 = "action") || data47.origin === void 0 && (missing10 = "origin") || data47.before === void 0 && (missing10 = "before") || data47.after === void 0 && (missing10 = "after") || data47.steps === void 0 && (missing10 = "steps") || data47.risks === void 0 && (missing10 = "risks") || data47.fingerprint === void 0 && (missing10 = "fingerprint")) {
                                          validate20.errors = [{ instancePath: instancePath + "/changes/" + i3, schemaPath: "#/properties/changes/items/required", keyword: "required", params: { missingProperty: missing10 }, message: "must have required property '" + missing10 + "'" }];
                                          return false;
                                        } else {
                                          const _errs108 = errors;
                                          for (const key10 in data47) {
                                            if (!func1.call(schema31.properties.changes.items.properties, key10)) {
                                              validate20.errors = [{ instancePath: instancePath + "/changes/" + i3, schemaPath: "#/properties/changes/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs108 === errors) {
                                            if (data47.account !== void 0) {
                                              const _errs109 = errors;
                                              if (typeof data47.account !== "string") {
                                                validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/account", schemaPath: "#/properties/changes/items/properties/account/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                return false;
                                              }
                                              var valid18 = _errs109 === errors;
                                            } else {
                                              var valid18 = true;
                                            }
                                            if (valid18) {
                                              if (data47.uuid !== void 0) {
                                                const _errs111 = errors;
                                                if (typeof data47.uuid !== "string") {
                                                  validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/uuid", schemaPath: "#/properties/changes/items/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                                var valid18 = _errs111 === errors;
                                              } else {
                                                var valid18 = true;
                                              }
                                              if (valid18) {
                                                if (data47.action !== void 0) {
                                                  let data50 = data47.action;
                                                  const _errs113 = errors;
                                                  if (!(data50 === "delete" || data50 === "create" || data50 === "rename" || data50 === "disable" || data50 === "enable" || data50 === "update")) {
                                                    validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/action", schemaPath: "#/properties/changes/items/properties/action/enum", keyword: "enum", params: { allowedValues: schema31.properties.changes.items.properties.action.enum }, message: "must be equal to one of the allowed values" }];
                                                    return false;
                                                  }
                                                  var valid18 = _errs113 === errors;
                                                } else {
                                                  var valid18 = true;
                                                }
                                                if (valid18) {
                                                  if (data47.origin !== void 0) {
                                                    let data51 = data47.origin;
                                                    const _errs114 = errors;
                                                    if (!(data51 === "file" || data51 === "unmanaged")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/origin", schemaPath: "#/properties/changes/items/properties/origin/enum", keyword: "enum", params: { allowedValues: schema31.properties.changes.items.properties.origin.enum }, message: "must be equal to one of the allowed values" }];
                                                      return false;
                                                    }
                                                    var valid18 = _errs114 === errors;
                                                  } else {
                                                    var valid18 = true;
                                                  }
                                                  if (valid18) {
                                                    if (data47.before !== void 0) {
                                                      let data52 = data47.before;
                                                      const _errs115 = errors;
                                                      const _errs116 = errors;
                                                      let valid19 = false;
                                                      let passing0 = null;
                                                      const _errs117 = errors;
                                                      if (data52 !== null) {
                                                        const err0 = { instancePath: instancePath + "/changes/" + i3 + "/before", schemaPath: "#/properties/changes/items/properties/before/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                                        if (vErrors === null) {
                                                          vErrors = [err0];
                                                        } else {
                                                          vErrors.push(err0);
                                                        }
                                                        errors++;
                                                      }
                                                      var _valid0 = _errs117 === errors;
                                                      if (_valid0) {
                                                        valid19 = true;
                                                        passing0 = 0;
                                                      }
                                                      const _errs119 = errors;
                                                      if (!validate21(data52, { instancePath: instancePath + "/changes/" + i3 + "/before", parentData: data47, parentDataProperty: "before", rootData, dynamicAnchors })) {
                                                        vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                                                        errors = vErrors.length;
                                                      }
                                                      var _valid0 = _errs119 === errors;
                                                      if (_valid0 && valid19) {
                                                        valid19 = false;
                                                        passing0 = [passing0, 1];
                                                      } else {
                                                        if (_valid0) {
                                                          valid19 = true;
                                                          passing0 = 1;
                                                        }
                                                      }
                                                      if (!valid19) {
                                                        const err1 = { instancePath: instancePath + "/changes/" + i3 + "/before", schemaPath: "#/properties/changes/items/properties/before/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                                                        if (vErrors === null) {
                                                          vErrors = [err1];
                                                        } else {
                                                          vErrors.push(err1);
                                                        }
                                                        errors++;
                                                        validate20.errors = vErrors;
                                                        return false;
                                                      } else {
                                                        errors = _errs116;
                                                        if (vErrors !== null) {
                                                          if (_errs116) {
                                                            vErrors.length = _errs116;
                                                          } else {
                                                            vErrors = null;
                                                          }
                                                        }
                                                      }
                                                      var valid18 = _errs115 === errors;
                                                    } else {
                                                      var valid18 = true;
                                                    }
                                                    if (valid18) {
                                                      if (data47.after !== void 0) {
                                                        let data53 = data47.after;
                                                        const _errs120 = errors;
                                                        const _errs121 = errors;
                                                        let valid20 = false;
                                                        let passing1 = null;
                                                        const _errs122 = errors;
                                                        if (data53 !== null) {
                                                          const err2 = { instancePath: instancePath + "/changes/" + i3 + "/after", schemaPath: "#/properties/changes/items/properties/after/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                                          if (vErrors === null) {
                                                            vErrors = [err2];
                                                          } else {
                                                            vErrors.push(err2);
                                                          }
                                                          errors++;
                                                        }
                                                        var _valid1 = _errs122 === errors;
                                                        if (_valid1) {
                                                          valid20 = true;
                                                          passing1 = 0;
                                                        }
                                                        const _errs124 = errors;
                                                        if (!validate21(data53, { instancePath: instancePath + "/changes/" + i3 + "/after", parentData: data47, parentDataProperty: "after", rootData, dynamicAnchors })) {
                                                          vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                                                          errors = vErrors.length;
                                                        }
                                                        var _valid1 = _errs124 === errors;
                                                        if (_valid1 && valid20) {
                                                          valid20 = false;
                                                          passing1 = [passing1, 1];
                                                        } else {
                                                          if (_valid1) {
                                                            valid20 = true;
                                                            passing1 = 1;
                                                          }
                                                        }
                                                        if (!valid20) {
                                                          const err3 = { instancePath: instancePath + "/changes/" + i3 + "/after", schemaPath: "#/properties/changes/items/properties/after/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
                                                          if (vErrors === null) {
                                                            vErrors = [err3];
                                                          } else {
                                                            vErrors.push(err3);
                                                          }
                                                          errors++;
                                                          validate20.errors = vErrors;
                                                          return false;
                                                        } else {
                                                          errors = _errs121;
                                                          if (vErrors !== null) {
                                                            if (_errs121) {
                                                              vErrors.length = _errs121;
                                                            } else {
                                                              vErrors = null;
                                                            }
                                                          }
                                                        }
                                                        var valid18 = _errs120 === errors;
                                                      } else {
                                                        var valid18 = true;
                                                      }
                                                      if (valid18) {
                                                        if (data47.steps !== void 0) {
                                                          let data54 = data47.steps;
                                                          const _errs125 = errors;
                                                          if (errors === _errs125) {
                                                            if (Array.isArray(data54)) {
                                                              if (data54.length < 1) {
                                                                validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/steps", schemaPath: "#/properties/changes/items/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                                                                return false;
                                                              } else {
                                                                var valid21 = true;
                                                                const len4 = data54.length;
                                                                for (let i4 = 0; i4 < len4; i4++) {
                                                                  const _errs127 = errors;
                                                                  if (!validate24(data54[i4], { instancePath: instancePath + "/changes/" + i3 + "/steps/" + i4, parentData: data54, parentDataProperty: i4, rootData, dynamicAnchors })) {
                                                                    vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
                                                                    errors = vErrors.length;
                                                                  }
                                                                  var valid21 = _errs127 === errors;
                                                                  if (!valid21) {
                                                                    break;
                                                                  }
                                                                }
                                                              }
                                                            } else {
                                                              validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/steps", schemaPath: "#/properties/changes/items/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                              return false;
                                                            }
                                                          }
                                                          var valid18 = _errs125 === errors;
                                                        } else {
                                                          var valid18 = true;
                                                        }
                                                        if (valid18) {
                                                          if (data47.risks !== void 0) {
                                                            let data56 = data47.risks;
                                                            const _errs128 = errors;
                                                            const _errs129 = errors;
                                                            if (errors === _errs129) {
                                                              if (Array.isArray(data56)) {
                                                                var valid23 = true;
                                                                const len5 = data56.length;
                                                                for (let i5 = 0; i5 < len5; i5++) {
                                                                  let data57 = data56[i5];
                                                                  const _errs131 = errors;
                                                                  if (!(data57 === "delete" || data57 === "disable" || data57 === "admin-grant" || data57 === "admin-revoke" || data57 === "privilege-gain")) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/risks/" + i5, schemaPath: "#/$defs/risks/items/enum", keyword: "enum", params: { allowedValues: schema47.items.enum }, message: "must be equal to one of the allowed values" }];
                                                                    return false;
                                                                  }
                                                                  var valid23 = _errs131 === errors;
                                                                  if (!valid23) {
                                                                    break;
                                                                  }
                                                                }
                                                              } else {
                                                                validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/risks", schemaPath: "#/$defs/risks/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                return false;
                                                              }
                                                            }
                                                            var valid18 = _errs128 === errors;
                                                          } else {
                                                            var valid18 = true;
                                                          }
                                                          if (valid18) {
                                                            if (data47.permissions !== void 0) {
                                                              const _errs132 = errors;
                                                              if (!validate33(data47.permissions, { instancePath: instancePath + "/changes/" + i3 + "/permissions", parentData: data47, parentDataProperty: "permissions", rootData, dynamicAnchors })) {
                                                                vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
                                                                errors = vErrors.length;
                                                              }
                                                              var valid18 = _errs132 === errors;
                                                            } else {
                                                              var valid18 = true;
                                                            }
                                                            if (valid18) {
                                                              if (data47.refused !== void 0) {
                                                                const _errs133 = errors;
                                                                if (!validate35(data47.refused, { instancePath: instancePath + "/changes/" + i3 + "/refused", parentData: data47, parentDataProperty: "refused", rootData, dynamicAnchors })) {
                                                                  vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
                                                                  errors = vErrors.length;
                                                                }
                                                                var valid18 = _errs133 === errors;
                                                              } else {
                                                                var valid18 = true;
                                                              }
                                                              if (valid18) {
                                                                if (data47.fingerprint !== void 0) {
                                                                  let data60 = data47.fingerprint;
                                                                  const _errs134 = errors;
                                                                  const _errs135 = errors;
                                                                  if (errors === _errs135) {
                                                                    if (typeof data60 === "string") {
                                                                      if (!pattern6.test(data60)) {
                                                                        validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/fingerprint", schemaPath: "#/$defs/fingerprint/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{32}$" }, message: 'must match pattern "^sha256:[0-9a-f]{32}$"' }];
                                                                        return false;
                                                                      }
                                                                    } else {
                                                                      validate20.errors = [{ instancePath: instancePath + "/changes/" + i3 + "/fingerprint", schemaPath: "#/$defs/fingerprint/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                  var valid18 = _errs134 === errors;
                                                                } else {
                                                                  var valid18 = true;
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate20.errors = [{ instancePath: instancePath + "/changes/" + i3, schemaPath: "#/properties/changes/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid17 = _errs106 === errors;
                                    if (!valid17) {
                                      break;
                                    }
                                  }
                                } else {
                                  validate20.errors = [{ instancePath: instancePath + "/changes", schemaPath: "#/properties/changes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs104 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.roleChanges !== void 0) {
                                let data61 = data.roleChanges;
                                const _errs137 = errors;
                                if (errors === _errs137) {
                                  if (Array.isArray(data61)) {
                                    var valid25 = true;
                                    const len6 = data61.length;
                                    for (let i6 = 0; i6 < len6; i6++) {
                                      let data62 = data61[i6];
                                      const _errs139 = errors;
                                      if (errors === _errs139) {
                                        if (data62 && typeof data62 == "object" && !Array.isArray(data62)) {
                                          let missing11;
                                          if (data62.role === void 0 && (missing11 = "role") || data62.action === void 0 && (missing11 = "action") || data62.origin === void 0 && (missing11 = "origin") || data62.before === void 0 && (missing11 = "before") || data62.after === void 0 && (missing11 = "after") || data62.steps === void 0 && (missing11 = "steps") || data62.risks === void 0 && (missing11 = "risks") || data62.accounts === void 0 && (missing11 = "accounts") || data62.fingerprint === void 0 && (missing11 = "fingerprint")) {
                                            validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6, schemaPath: "#/properties/roleChanges/items/required", keyword: "required", params: { missingProperty: missing11 }, message: "must have required property '" + missing11 + "'" }];
                                            return false;
                                          } else {
                                            const _errs141 = errors;
                                            for (const key11 in data62) {
                                              if (!func1.call(schema31.properties.roleChanges.items.properties, key11)) {
                                                validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6, schemaPath: "#/properties/roleChanges/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" }];
                                                return false;
                                                break;
                                              }
                                            }
                                            if (_errs141 === errors) {
                                              if (data62.role !== void 0) {
                                                const _errs142 = errors;
                                                if (typeof data62.role !== "string") {
                                                  validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/role", schemaPath: "#/properties/roleChanges/items/properties/role/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                                var valid26 = _errs142 === errors;
                                              } else {
                                                var valid26 = true;
                                              }
                                              if (valid26) {
                                                if (data62.uuid !== void 0) {
                                                  const _errs144 = errors;
                                                  if (typeof data62.uuid !== "string") {
                                                    validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/uuid", schemaPath: "#/properties/roleChanges/items/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                  var valid26 = _errs144 === errors;
                                                } else {
                                                  var valid26 = true;
                                                }
                                                if (valid26) {
                                                  if (data62.action !== void 0) {
                                                    let data65 = data62.action;
                                                    const _errs146 = errors;
                                                    if (!(data65 === "delete" || data65 === "create" || data65 === "update")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/action", schemaPath: "#/properties/roleChanges/items/properties/action/enum", keyword: "enum", params: { allowedValues: schema31.properties.roleChanges.items.properties.action.enum }, message: "must be equal to one of the allowed values" }];
                                                      return false;
                                                    }
                                                    var valid26 = _errs146 === errors;
                                                  } else {
                                                    var valid26 = true;
                                                  }
                                                  if (valid26) {
                                                    if (data62.origin !== void 0) {
                                                      let data66 = data62.origin;
                                                      const _errs147 = errors;
                                                      if (!(data66 === "file" || data66 === "unmanaged")) {
                                                        validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/origin", schemaPath: "#/properties/roleChanges/items/properties/origin/enum", keyword: "enum", params: { allowedValues: schema31.properties.roleChanges.items.properties.origin.enum }, message: "must be equal to one of the allowed values" }];
                                                        return false;
                                                      }
                                                      var valid26 = _errs147 === errors;
                                                    } else {
                                                      var valid26 = true;
                                                    }
                                                    if (valid26) {
                                                      if (data62.before !== void 0) {
                                                        let data67 = data62.before;
                                                        const _errs148 = errors;
                                                        const _errs149 = errors;
                                                        let valid27 = false;
                                                        let passing2 = null;
                                                        const _errs150 = errors;
                                                        if (data67 !== null) {
                                                          const err4 = { instancePath: instancePath + "/roleChanges/" + i6 + "/before", schemaPath: "#/properties/roleChanges/items/properties/before/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                                          if (vErrors === null) {
                                                            vErrors = [err4];
                                                          } else {
                                                            vErrors.push(err4);
                                                          }
                                                          errors++;
                                                        }
                                                        var _valid2 = _errs150 === errors;
                                                        if (_valid2) {
                                                          valid27 = true;
                                                          passing2 = 0;
                                                        }
                                                        const _errs152 = errors;
                                                        if (!validate37(data67, { instancePath: instancePath + "/roleChanges/" + i6 + "/before", parentData: data62, parentDataProperty: "before", rootData, dynamicAnchors })) {
                                                          vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
                                                          errors = vErrors.length;
                                                        }
                                                        var _valid2 = _errs152 === errors;
                                                        if (_valid2 && valid27) {
                                                          valid27 = false;
                                                          passing2 = [passing2, 1];
                                                        } else {
                                                          if (_valid2) {
                                                            valid27 = true;
                                                            passing2 = 1;
                                                          }
                                                        }
                                                        if (!valid27) {
                                                          const err5 = { instancePath: instancePath + "/roleChanges/" + i6 + "/before", schemaPath: "#/properties/roleChanges/items/properties/before/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                                                          if (vErrors === null) {
                                                            vErrors = [err5];
                                                          } else {
                                                            vErrors.push(err5);
                                                          }
                                                          errors++;
                                                          validate20.errors = vErrors;
                                                          return false;
                                                        } else {
                                                          errors = _errs149;
                                                          if (vErrors !== null) {
                                                            if (_errs149) {
                                                              vErrors.length = _errs149;
                                                            } else {
                                                              vErrors = null;
                                                            }
                                                          }
                                                        }
                                                        var valid26 = _errs148 === errors;
                                                      } else {
                                                        var valid26 = true;
                                                      }
                                                      if (valid26) {
                                                        if (data62.after !== void 0) {
                                                          let data68 = data62.after;
                                                          const _errs153 = errors;
                                                          const _errs154 = errors;
                                                          let valid28 = false;
                                                          let passing3 = null;
                                                          const _errs155 = errors;
                                                          if (data68 !== null) {
                                                            const err6 = { instancePath: instancePath + "/roleChanges/" + i6 + "/after", schemaPath: "#/properties/roleChanges/items/properties/after/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                                            if (vErrors === null) {
                                                              vErrors = [err6];
                                                            } else {
                                                              vErrors.push(err6);
                                                            }
                                                            errors++;
                                                          }
                                                          var _valid3 = _errs155 === errors;
                                                          if (_valid3) {
                                                            valid28 = true;
                                                            passing3 = 0;
                                                          }
                                                          const _errs157 = errors;
                                                          if (!validate37(data68, { instancePath: instancePath + "/roleChanges/" + i6 + "/after", parentData: data62, parentDataProperty: "after", rootData, dynamicAnchors })) {
                                                            vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
                                                            errors = vErrors.length;
                                                          }
                                                          var _valid3 = _errs157 === errors;
                                                          if (_valid3 && valid28) {
                                                            valid28 = false;
                                                            passing3 = [passing3, 1];
                                                          } else {
                                                            if (_valid3) {
                                                              valid28 = true;
                                                              passing3 = 1;
                                                            }
                                                          }
                                                          if (!valid28) {
                                                            const err7 = { instancePath: instancePath + "/roleChanges/" + i6 + "/after", schemaPath: "#/properties/roleChanges/items/properties/after/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf" };
                                                            if (vErrors === null) {
                                                              vErrors = [err7];
                                                            } else {
                                                              vErrors.push(err7);
                                                            }
                                                            errors++;
                                                            validate20.errors = vErrors;
                                                            return false;
                                                          } else {
                                                            errors = _errs154;
                                                            if (vErrors !== null) {
                                                              if (_errs154) {
                                                                vErrors.length = _errs154;
                                                              } else {
                                                                vErrors = null;
                                                              }
                                                            }
                                                          }
                                                          var valid26 = _errs153 === errors;
                                                        } else {
                                                          var valid26 = true;
                                                        }
                                                        if (valid26) {
                                                          if (data62.steps !== void 0) {
                                                            let data69 = data62.steps;
                                                            const _errs158 = errors;
                                                            if (errors === _errs158) {
                                                              if (Array.isArray(data69)) {
                                                                if (data69.length > 1) {
                                                                  validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/steps", schemaPath: "#/properties/roleChanges/items/properties/steps/maxItems", keyword: "maxItems", params: { limit: 1 }, message: "must NOT have more than 1 items" }];
                                                                  return false;
                                                                } else {
                                                                  if (data69.length < 1) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/steps", schemaPath: "#/properties/roleChanges/items/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                                                                    return false;
                                                                  } else {
                                                                    var valid29 = true;
                                                                    const len7 = data69.length;
                                                                    for (let i7 = 0; i7 < len7; i7++) {
                                                                      let data70 = data69[i7];
                                                                      const _errs160 = errors;
                                                                      const _errs161 = errors;
                                                                      let valid30 = false;
                                                                      let passing4 = null;
                                                                      const _errs162 = errors;
                                                                      if (errors === _errs162) {
                                                                        if (data70 && typeof data70 == "object" && !Array.isArray(data70)) {
                                                                          let missing12;
                                                                          if (data70.kind === void 0 && (missing12 = "kind") || data70.role === void 0 && (missing12 = "role")) {
                                                                            const err8 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/0/required", keyword: "required", params: { missingProperty: missing12 }, message: "must have required property '" + missing12 + "'" };
                                                                            if (vErrors === null) {
                                                                              vErrors = [err8];
                                                                            } else {
                                                                              vErrors.push(err8);
                                                                            }
                                                                            errors++;
                                                                          } else {
                                                                            const _errs164 = errors;
                                                                            for (const key12 in data70) {
                                                                              if (!(key12 === "kind" || key12 === "role")) {
                                                                                const err9 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                                                                                if (vErrors === null) {
                                                                                  vErrors = [err9];
                                                                                } else {
                                                                                  vErrors.push(err9);
                                                                                }
                                                                                errors++;
                                                                                break;
                                                                              }
                                                                            }
                                                                            if (_errs164 === errors) {
                                                                              if (data70.kind !== void 0) {
                                                                                let data71 = data70.kind;
                                                                                const _errs165 = errors;
                                                                                if (!(data71 === "create-role" || data71 === "update-role")) {
                                                                                  const err10 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7 + "/kind", schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/0/properties/kind/enum", keyword: "enum", params: { allowedValues: schema31.properties.roleChanges.items.properties.steps.items.oneOf[0].properties.kind.enum }, message: "must be equal to one of the allowed values" };
                                                                                  if (vErrors === null) {
                                                                                    vErrors = [err10];
                                                                                  } else {
                                                                                    vErrors.push(err10);
                                                                                  }
                                                                                  errors++;
                                                                                }
                                                                                var valid31 = _errs165 === errors;
                                                                              } else {
                                                                                var valid31 = true;
                                                                              }
                                                                              if (valid31) {
                                                                                if (data70.role !== void 0) {
                                                                                  const _errs166 = errors;
                                                                                  if (!validate40(data70.role, { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7 + "/role", parentData: data70, parentDataProperty: "role", rootData, dynamicAnchors })) {
                                                                                    vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
                                                                                    errors = vErrors.length;
                                                                                  }
                                                                                  var valid31 = _errs166 === errors;
                                                                                } else {
                                                                                  var valid31 = true;
                                                                                }
                                                                              }
                                                                            }
                                                                          }
                                                                        } else {
                                                                          const err11 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                                                          if (vErrors === null) {
                                                                            vErrors = [err11];
                                                                          } else {
                                                                            vErrors.push(err11);
                                                                          }
                                                                          errors++;
                                                                        }
                                                                      }
                                                                      var _valid4 = _errs162 === errors;
                                                                      if (_valid4) {
                                                                        valid30 = true;
                                                                        passing4 = 0;
                                                                        var props5 = true;
                                                                      }
                                                                      const _errs167 = errors;
                                                                      if (errors === _errs167) {
                                                                        if (data70 && typeof data70 == "object" && !Array.isArray(data70)) {
                                                                          let missing13;
                                                                          if (data70.kind === void 0 && (missing13 = "kind")) {
                                                                            const err12 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/1/required", keyword: "required", params: { missingProperty: missing13 }, message: "must have required property '" + missing13 + "'" };
                                                                            if (vErrors === null) {
                                                                              vErrors = [err12];
                                                                            } else {
                                                                              vErrors.push(err12);
                                                                            }
                                                                            errors++;
                                                                          } else {
                                                                            const _errs169 = errors;
                                                                            for (const key13 in data70) {
                                                                              if (!(key13 === "kind")) {
                                                                                const err13 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
                                                                                if (vErrors === null) {
                                                                                  vErrors = [err13];
                                                                                } else {
                                                                                  vErrors.push(err13);
                                                                                }
                                                                                errors++;
                                                                                break;
                                                                              }
                                                                            }
                                                                            if (_errs169 === errors) {
                                                                              if (data70.kind !== void 0) {
                                                                                if ("delete-role" !== data70.kind) {
                                                                                  const err14 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7 + "/kind", schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/1/properties/kind/const", keyword: "const", params: { allowedValue: "delete-role" }, message: "must be equal to constant" };
                                                                                  if (vErrors === null) {
                                                                                    vErrors = [err14];
                                                                                  } else {
                                                                                    vErrors.push(err14);
                                                                                  }
                                                                                  errors++;
                                                                                }
                                                                              }
                                                                            }
                                                                          }
                                                                        } else {
                                                                          const err15 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                                                          if (vErrors === null) {
                                                                            vErrors = [err15];
                                                                          } else {
                                                                            vErrors.push(err15);
                                                                          }
                                                                          errors++;
                                                                        }
                                                                      }
                                                                      var _valid4 = _errs167 === errors;
                                                                      if (_valid4 && valid30) {
                                                                        valid30 = false;
                                                                        passing4 = [passing4, 1];
                                                                      } else {
                                                                        if (_valid4) {
                                                                          valid30 = true;
                                                                          passing4 = 1;
                                                                          if (props5 !== true) {
                                                                            props5 = true;
                                                                          }
                                                                        }
                                                                      }
                                                                      if (!valid30) {
                                                                        const err16 = { instancePath: instancePath + "/roleChanges/" + i6 + "/steps/" + i7, schemaPath: "#/properties/roleChanges/items/properties/steps/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing4 }, message: "must match exactly one schema in oneOf" };
                                                                        if (vErrors === null) {
                                                                          vErrors = [err16];
                                                                        } else {
                                                                          vErrors.push(err16);
                                                                        }
                                                                        errors++;
                                                                        validate20.errors = vErrors;
                                                                        return false;
                                                                      } else {
                                                                        errors = _errs161;
                                                                        if (vErrors !== null) {
                                                                          if (_errs161) {
                                                                            vErrors.length = _errs161;
                                                                          } else {
                                                                            vErrors = null;
                                                                          }
                                                                        }
                                                                      }
                                                                      var valid29 = _errs160 === errors;
                                                                      if (!valid29) {
                                                                        break;
                                                                      }
                                                                    }
                                                                  }
                                                                }
                                                              } else {
                                                                validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/steps", schemaPath: "#/properties/roleChanges/items/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                return false;
                                                              }
                                                            }
                                                            var valid26 = _errs158 === errors;
                                                          } else {
                                                            var valid26 = true;
                                                          }
                                                          if (valid26) {
                                                            if (data62.risks !== void 0) {
                                                              let data74 = data62.risks;
                                                              const _errs171 = errors;
                                                              const _errs172 = errors;
                                                              if (errors === _errs172) {
                                                                if (Array.isArray(data74)) {
                                                                  var valid34 = true;
                                                                  const len8 = data74.length;
                                                                  for (let i8 = 0; i8 < len8; i8++) {
                                                                    let data75 = data74[i8];
                                                                    const _errs174 = errors;
                                                                    if (!(data75 === "delete" || data75 === "disable" || data75 === "admin-grant" || data75 === "admin-revoke" || data75 === "privilege-gain")) {
                                                                      validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/risks/" + i8, schemaPath: "#/$defs/risks/items/enum", keyword: "enum", params: { allowedValues: schema47.items.enum }, message: "must be equal to one of the allowed values" }];
                                                                      return false;
                                                                    }
                                                                    var valid34 = _errs174 === errors;
                                                                    if (!valid34) {
                                                                      break;
                                                                    }
                                                                  }
                                                                } else {
                                                                  validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/risks", schemaPath: "#/$defs/risks/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                  return false;
                                                                }
                                                              }
                                                              var valid26 = _errs171 === errors;
                                                            } else {
                                                              var valid26 = true;
                                                            }
                                                            if (valid26) {
                                                              if (data62.accounts !== void 0) {
                                                                let data76 = data62.accounts;
                                                                const _errs175 = errors;
                                                                if (errors === _errs175) {
                                                                  if (Array.isArray(data76)) {
                                                                    var valid35 = true;
                                                                    const len9 = data76.length;
                                                                    for (let i9 = 0; i9 < len9; i9++) {
                                                                      let data77 = data76[i9];
                                                                      const _errs177 = errors;
                                                                      if (errors === _errs177) {
                                                                        if (data77 && typeof data77 == "object" && !Array.isArray(data77)) {
                                                                          let missing14;
                                                                          if (data77.account === void 0 && (missing14 = "account") || data77.gained === void 0 && (missing14 = "gained") || data77.lost === void 0 && (missing14 = "lost")) {
                                                                            validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9, schemaPath: "#/properties/roleChanges/items/properties/accounts/items/required", keyword: "required", params: { missingProperty: missing14 }, message: "must have required property '" + missing14 + "'" }];
                                                                            return false;
                                                                          } else {
                                                                            const _errs179 = errors;
                                                                            for (const key14 in data77) {
                                                                              if (!(key14 === "account" || key14 === "gained" || key14 === "lost")) {
                                                                                validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9, schemaPath: "#/properties/roleChanges/items/properties/accounts/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" }];
                                                                                return false;
                                                                                break;
                                                                              }
                                                                            }
                                                                            if (_errs179 === errors) {
                                                                              if (data77.account !== void 0) {
                                                                                const _errs180 = errors;
                                                                                if (typeof data77.account !== "string") {
                                                                                  validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9 + "/account", schemaPath: "#/properties/roleChanges/items/properties/accounts/items/properties/account/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                                  return false;
                                                                                }
                                                                                var valid36 = _errs180 === errors;
                                                                              } else {
                                                                                var valid36 = true;
                                                                              }
                                                                              if (valid36) {
                                                                                if (data77.gained !== void 0) {
                                                                                  let data79 = data77.gained;
                                                                                  const _errs182 = errors;
                                                                                  const _errs183 = errors;
                                                                                  if (errors === _errs183) {
                                                                                    if (Array.isArray(data79)) {
                                                                                      var valid38 = true;
                                                                                      const len10 = data79.length;
                                                                                      for (let i10 = 0; i10 < len10; i10++) {
                                                                                        const _errs185 = errors;
                                                                                        if (typeof data79[i10] !== "string") {
                                                                                          validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9 + "/gained/" + i10, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                                          return false;
                                                                                        }
                                                                                        var valid38 = _errs185 === errors;
                                                                                        if (!valid38) {
                                                                                          break;
                                                                                        }
                                                                                      }
                                                                                    } else {
                                                                                      validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9 + "/gained", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                                      return false;
                                                                                    }
                                                                                  }
                                                                                  var valid36 = _errs182 === errors;
                                                                                } else {
                                                                                  var valid36 = true;
                                                                                }
                                                                                if (valid36) {
                                                                                  if (data77.lost !== void 0) {
                                                                                    let data81 = data77.lost;
                                                                                    const _errs187 = errors;
                                                                                    const _errs188 = errors;
                                                                                    if (errors === _errs188) {
                                                                                      if (Array.isArray(data81)) {
                                                                                        var valid40 = true;
                                                                                        const len11 = data81.length;
                                                                                        for (let i11 = 0; i11 < len11; i11++) {
                                                                                          const _errs190 = errors;
                                                                                          if (typeof data81[i11] !== "string") {
                                                                                            validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9 + "/lost/" + i11, schemaPath: "#/$defs/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                                            return false;
                                                                                          }
                                                                                          var valid40 = _errs190 === errors;
                                                                                          if (!valid40) {
                                                                                            break;
                                                                                          }
                                                                                        }
                                                                                      } else {
                                                                                        validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9 + "/lost", schemaPath: "#/$defs/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                                        return false;
                                                                                      }
                                                                                    }
                                                                                    var valid36 = _errs187 === errors;
                                                                                  } else {
                                                                                    var valid36 = true;
                                                                                  }
                                                                                }
                                                                              }
                                                                            }
                                                                          }
                                                                        } else {
                                                                          validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts/" + i9, schemaPath: "#/properties/roleChanges/items/properties/accounts/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                                          return false;
                                                                        }
                                                                      }
                                                                      var valid35 = _errs177 === errors;
                                                                      if (!valid35) {
                                                                        break;
                                                                      }
                                                                    }
                                                                  } else {
                                                                    validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/accounts", schemaPath: "#/properties/roleChanges/items/properties/accounts/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                                    return false;
                                                                  }
                                                                }
                                                                var valid26 = _errs175 === errors;
                                                              } else {
                                                                var valid26 = true;
                                                              }
                                                              if (valid26) {
                                                                if (data62.people !== void 0) {
                                                                  let data83 = data62.people;
                                                                  const _errs192 = errors;
                                                                  if (!(typeof data83 == "number" && (!(data83 % 1) && !isNaN(data83)) && isFinite(data83))) {
                                                                    validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/people", schemaPath: "#/properties/roleChanges/items/properties/people/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                    return false;
                                                                  }
                                                                  if (errors === _errs192) {
                                                                    if (typeof data83 == "number" && isFinite(data83)) {
                                                                      if (data83 < 0 || isNaN(data83)) {
                                                                        validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/people", schemaPath: "#/properties/roleChanges/items/properties/people/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                        return false;
                                                                      }
                                                                    }
                                                                  }
                                                                  var valid26 = _errs192 === errors;
                                                                } else {
                                                                  var valid26 = true;
                                                                }
                                                                if (valid26) {
                                                                  if (data62.refused !== void 0) {
                                                                    const _errs194 = errors;
                                                                    if (!validate35(data62.refused, { instancePath: instancePath + "/roleChanges/" + i6 + "/refused", parentData: data62, parentDataProperty: "refused", rootData, dynamicAnchors })) {
                                                                      vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
                                                                      errors = vErrors.length;
                                                                    }
                                                                    var valid26 = _errs194 === errors;
                                                                  } else {
                                                                    var valid26 = true;
                                                                  }
                                                                  if (valid26) {
                                                                    if (data62.fingerprint !== void 0) {
                                                                      let data85 = data62.fingerprint;
                                                                      const _errs195 = errors;
                                                                      const _errs196 = errors;
                                                                      if (errors === _errs196) {
                                                                        if (typeof data85 === "string") {
                                                                          if (!pattern6.test(data85)) {
                                                                            validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/fingerprint", schemaPath: "#/$defs/fingerprint/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{32}$" }, message: 'must match pattern "^sha256:[0-9a-f]{32}$"' }];
                                                                            return false;
                                                                          }
                                                                        } else {
                                                                          validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6 + "/fingerprint", schemaPath: "#/$defs/fingerprint/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                          return false;
                                                                        }
                                                                      }
                                                                      var valid26 = _errs195 === errors;
                                                                    } else {
                                                                      var valid26 = true;
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        } else {
                                          validate20.errors = [{ instancePath: instancePath + "/roleChanges/" + i6, schemaPath: "#/properties/roleChanges/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                          return false;
                                        }
                                      }
                                      var valid25 = _errs139 === errors;
                                      if (!valid25) {
                                        break;
                                      }
                                    }
                                  } else {
                                    validate20.errors = [{ instancePath: instancePath + "/roleChanges", schemaPath: "#/properties/roleChanges/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                    return false;
                                  }
                                }
                                var valid0 = _errs137 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.unmanaged !== void 0) {
                                  let data86 = data.unmanaged;
                                  const _errs198 = errors;
                                  if (errors === _errs198) {
                                    if (Array.isArray(data86)) {
                                      var valid42 = true;
                                      const len12 = data86.length;
                                      for (let i12 = 0; i12 < len12; i12++) {
                                        let data87 = data86[i12];
                                        const _errs200 = errors;
                                        if (errors === _errs200) {
                                          if (data87 && typeof data87 == "object" && !Array.isArray(data87)) {
                                            let missing15;
                                            if (data87.name === void 0 && (missing15 = "name") || data87.uuid === void 0 && (missing15 = "uuid") || data87.active === void 0 && (missing15 = "active") || data87.disposition === void 0 && (missing15 = "disposition")) {
                                              validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12, schemaPath: "#/properties/unmanaged/items/required", keyword: "required", params: { missingProperty: missing15 }, message: "must have required property '" + missing15 + "'" }];
                                              return false;
                                            } else {
                                              const _errs202 = errors;
                                              for (const key15 in data87) {
                                                if (!(key15 === "name" || key15 === "uuid" || key15 === "active" || key15 === "disposition")) {
                                                  validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12, schemaPath: "#/properties/unmanaged/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties" }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs202 === errors) {
                                                if (data87.name !== void 0) {
                                                  const _errs203 = errors;
                                                  if (typeof data87.name !== "string") {
                                                    validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12 + "/name", schemaPath: "#/properties/unmanaged/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                  var valid43 = _errs203 === errors;
                                                } else {
                                                  var valid43 = true;
                                                }
                                                if (valid43) {
                                                  if (data87.uuid !== void 0) {
                                                    const _errs205 = errors;
                                                    if (typeof data87.uuid !== "string") {
                                                      validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12 + "/uuid", schemaPath: "#/properties/unmanaged/items/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                    var valid43 = _errs205 === errors;
                                                  } else {
                                                    var valid43 = true;
                                                  }
                                                  if (valid43) {
                                                    if (data87.active !== void 0) {
                                                      const _errs207 = errors;
                                                      if (typeof data87.active !== "boolean") {
                                                        validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12 + "/active", schemaPath: "#/properties/unmanaged/items/properties/active/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                                        return false;
                                                      }
                                                      var valid43 = _errs207 === errors;
                                                    } else {
                                                      var valid43 = true;
                                                    }
                                                    if (valid43) {
                                                      if (data87.disposition !== void 0) {
                                                        let data91 = data87.disposition;
                                                        const _errs209 = errors;
                                                        if (!(data91 === "ignore" || data91 === "disable" || data91 === "delete" || data91 === "protected" || data91 === "already-disabled")) {
                                                          validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12 + "/disposition", schemaPath: "#/properties/unmanaged/items/properties/disposition/enum", keyword: "enum", params: { allowedValues: schema31.properties.unmanaged.items.properties.disposition.enum }, message: "must be equal to one of the allowed values" }];
                                                          return false;
                                                        }
                                                        var valid43 = _errs209 === errors;
                                                      } else {
                                                        var valid43 = true;
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate20.errors = [{ instancePath: instancePath + "/unmanaged/" + i12, schemaPath: "#/properties/unmanaged/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid42 = _errs200 === errors;
                                        if (!valid42) {
                                          break;
                                        }
                                      }
                                    } else {
                                      validate20.errors = [{ instancePath: instancePath + "/unmanaged", schemaPath: "#/properties/unmanaged/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                      return false;
                                    }
                                  }
                                  var valid0 = _errs198 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.warnings !== void 0) {
                                    let data92 = data.warnings;
                                    const _errs210 = errors;
                                    if (errors === _errs210) {
                                      if (Array.isArray(data92)) {
                                        var valid44 = true;
                                        const len13 = data92.length;
                                        for (let i13 = 0; i13 < len13; i13++) {
                                          let data93 = data92[i13];
                                          const _errs212 = errors;
                                          if (errors === _errs212) {
                                            if (data93 && typeof data93 == "object" && !Array.isArray(data93)) {
                                              let missing16;
                                              if (data93.code === void 0 && (missing16 = "code") || data93.message === void 0 && (missing16 = "message")) {
                                                validate20.errors = [{ instancePath: instancePath + "/warnings/" + i13, schemaPath: "#/properties/warnings/items/required", keyword: "required", params: { missingProperty: missing16 }, message: "must have required property '" + missing16 + "'" }];
                                                return false;
                                              } else {
                                                const _errs214 = errors;
                                                for (const key16 in data93) {
                                                  if (!(key16 === "code" || key16 === "message")) {
                                                    validate20.errors = [{ instancePath: instancePath + "/warnings/" + i13, schemaPath: "#/properties/warnings/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties" }];
                                                    return false;
                                                    break;
                                                  }
                                                }
                                                if (_errs214 === errors) {
                                                  if (data93.code !== void 0) {
                                                    let data94 = data93.code;
                                                    const _errs215 = errors;
                                                    if (!(data94 === "unmatched-protected" || data94 === "unmatched-include" || data94 === "ambiguous-name" || data94 === "role-left-out")) {
                                                      validate20.errors = [{ instancePath: instancePath + "/warnings/" + i13 + "/code", schemaPath: "#/properties/warnings/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema31.properties.warnings.items.properties.code.enum }, message: "must be equal to one of the allowed values" }];
                                                      return false;
                                                    }
                                                    var valid45 = _errs215 === errors;
                                                  } else {
                                                    var valid45 = true;
                                                  }
                                                  if (valid45) {
                                                    if (data93.message !== void 0) {
                                                      const _errs216 = errors;
                                                      if (typeof data93.message !== "string") {
                                                        validate20.errors = [{ instancePath: instancePath + "/warnings/" + i13 + "/message", schemaPath: "#/properties/warnings/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                      var valid45 = _errs216 === errors;
                                                    } else {
                                                      var valid45 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            } else {
                                              validate20.errors = [{ instancePath: instancePath + "/warnings/" + i13, schemaPath: "#/properties/warnings/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                              return false;
                                            }
                                          }
                                          var valid44 = _errs212 === errors;
                                          if (!valid44) {
                                            break;
                                          }
                                        }
                                      } else {
                                        validate20.errors = [{ instancePath: instancePath + "/warnings", schemaPath: "#/properties/warnings/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                        return false;
                                      }
                                    }
                                    var valid0 = _errs210 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  validate
});
//# sourceMappingURL=plan-schema.js.map
