// Calls the protected JSON endpoint the way a single-page script would (fetch, Accept: JSON) and shows the
// answer: 401 {"error":"sign_in_required"} without a session, 200 with the user's JSON when signed in.
// A button with data-on-unauthorized="reload" (on a protected page) does what docs/operations.md tells page scripts
// to do with a 401: reload the page, which ims-auth sends through sign-in and back.
document.querySelectorAll("[data-api]").forEach((button) => {
  button.addEventListener("click", async () => {
    const out = document.getElementById("api-result");
    out.textContent = "Calling " + button.dataset.api + " ...";
    try {
      const response = await fetch(button.dataset.api, { headers: { Accept: "application/json" } });
      if (response.status === 401 && button.dataset.onUnauthorized === "reload") {
        window.location.reload();   // a protected page: ims-auth sends the browser to IMS and back here
        return;
      }
      let body = await response.text();
      try { body = JSON.stringify(JSON.parse(body), null, 2); } catch (notJson) { /* show as is */ }
      out.textContent = "HTTP " + response.status + "\n" + body;
      out.className = "result " + (response.ok ? "ok" : "fail");
    } catch (e) {
      out.textContent = "The call failed: " + e;
      out.className = "result fail";
    }
  });
});
