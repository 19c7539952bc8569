exports.handler = __f0;

var __provider = {check: __f1, diff: __f3, create: __f4, read: __f5, update: __f6, delete: __f7};

function __f2(__0, __1) {
  return (function() {
    with({ kind: "AddressListImport", this: undefined, arguments: undefined }) {

return (method, args) => require("pulumi-mailmanager-import-jobs/dynamic-provider").dispatch(kind, method, args);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f1(__0, __1) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (olds, news) => call("check", [olds, news]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f3(__0, __1, __2) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (id, olds, news) => call("diff", [id, olds, news]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f4(__0) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (inputs) => call("create", [inputs]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f5(__0, __1) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (id, props) => call("read", [id, props]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f6(__0, __1, __2) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (id, olds, news) => call("update", [id, olds, news]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f7(__0, __1) {
  return (function() {
    with({ call: __f2, this: undefined, arguments: undefined }) {

return (id, props) => call("delete", [id, props]);

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f0() {
  return (function() {
    with({ provider: __provider, this: undefined, arguments: undefined }) {

return () => provider;

    }
  }).apply(undefined, undefined).apply(this, arguments);
}
