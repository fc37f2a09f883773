// Check-in: where the browser can read QR codes from the camera (BarcodeDetector), a scan fills in the code
// and submits the form; everywhere else the typed code works as it is. No library, no inline script.
(function () {
  "use strict";

  var form = document.getElementById("checkin-form");
  var input = form && form.querySelector("input[name='code']");
  var startButton = document.getElementById("checkin-camera-start");
  var stopButton = document.getElementById("checkin-camera-stop");
  var box = document.getElementById("checkin-camera");
  var video = document.getElementById("checkin-video");
  var status = document.getElementById("checkin-camera-status");
  if (!form || !input || !startButton || !stopButton || !box || !video || !status) return;
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;

  // The camera stays on from one person to the next: the page reloads with each result and opens it again.
  var CAMERA_KEY = "birgemiz.checkin.camera";
  // The code just submitted is still in front of the camera when it opens again: ignore it for a while.
  var LAST_KEY = "birgemiz.checkin.last";
  var REPEAT_AFTER_MS = 5000;
  var SCAN_EVERY_MS = 200;

  var stream = null;
  var detector = null;
  var timer = null;

  function storage(action, key, value) {
    try {
      if (action === "get") return window.sessionStorage.getItem(key);
      if (action === "set") window.sessionStorage.setItem(key, value);
      if (action === "remove") window.sessionStorage.removeItem(key);
    } catch (error) {
      return null; // private mode or storage disabled: the camera simply does not reopen by itself
    }
    return null;
  }

  function recentlySubmitted(code) {
    var last = null;
    try {
      last = JSON.parse(storage("get", LAST_KEY) || "null");
    } catch (error) {
      last = null;
    }
    return last !== null && last.code === code && Date.now() - last.at < REPEAT_AFTER_MS;
  }

  function stopCamera(forget) {
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (stream !== null) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.srcObject = null;
    box.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
    if (forget) storage("remove", CAMERA_KEY);
  }

  function submitCode(code) {
    input.value = code;
    storage("set", LAST_KEY, JSON.stringify({ code: code, at: Date.now() }));
    stopCamera(false);
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function scan() {
    timer = null;
    if (stream === null) return;
    detector.detect(video).then(function (codes) {
      var found = codes.map(function (code) { return (code.rawValue || "").trim(); })
        .filter(function (code) { return code && !recentlySubmitted(code); })[0];
      if (found) {
        submitCode(found);
      } else if (stream !== null) {
        timer = window.setTimeout(scan, SCAN_EVERY_MS);
      }
    }, function () {
      // The video has no frame yet: try again.
      if (stream !== null) timer = window.setTimeout(scan, SCAN_EVERY_MS);
    });
  }

  function startCamera() {
    startButton.hidden = true;
    status.textContent = box.dataset.opening || "";
    box.hidden = false;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (opened) {
        stream = opened;
        detector = detector || new window.BarcodeDetector({ formats: ["qr_code"] });
        video.srcObject = stream;
        stopButton.hidden = false;
        status.textContent = box.dataset.pointAt || "";
        storage("set", CAMERA_KEY, "on");
        return video.play();
      })
      .then(function () { scan(); })
      .catch(function () {
        stopCamera(true);
        box.hidden = false;
        status.textContent = box.dataset.denied || "";
        input.focus();
      });
  }

  Promise.resolve()
    .then(function () { return window.BarcodeDetector.getSupportedFormats(); })
    .then(function (formats) {
      if (formats.indexOf("qr_code") === -1) return;
      startButton.hidden = false;
      startButton.addEventListener("click", startCamera);
      stopButton.addEventListener("click", function () {
        stopCamera(true);
        input.focus();
      });
      if (storage("get", CAMERA_KEY) === "on") startCamera();
    })
    .catch(function () {
      // No QR support after all: typing the code is the way.
    });
})();
