/**
 * Firefox preferences for an offline, quiet, unthrottled test profile. Puppeteer already writes
 * a base set (telemetry, updates, safe browsing, first-run pages off); these add what was still
 * seen leaving the machine or slowing tests when measured with the refusal proxy.
 */

/** The fixed moz-extension UUID tests use, so extension page URLs are known in advance. */
export const DEFAULT_FIREFOX_EXTENSION_UUID = '5a0c1e2b-3d4f-4a6b-8c7d-9e0f1a2b3c4d';

/** Builds the preference map for a profile with the given refusal proxy and extension UUID. */
export function firefoxPrefs(opts: {
  proxyPort: number;
  geckoId: string;
  uuid: string;
}): Record<string, unknown> {
  return {
    // moz-extension://<uuid>/ is random per profile unless mapped here before install.
    'extensions.webextensions.uuids': JSON.stringify({ [opts.geckoId]: opts.uuid }),

    // Everything but loopback goes to the refusal proxy (bare IPs included).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': opts.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': opts.proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    // DNS: no DNS-over-HTTPS, no prefetch, and the native resolver answers 127.0.0.1 for every
    // name, so even browser.dns.resolve() or a proxy-bypassing lookup never asks a real server.
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.dns.native-is-localhost': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Remote settings (blocklists, etc.): this is the value Firefox's own remote agent uses; it
    // is honoured on release builds only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in the env.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.ping-centre.telemetry': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'identity.fxaccounts.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,

    // A page behind another tab is "hidden" and its timers are throttled to about 1 per
    // second (measured: 50 x 10 ms timeouts took 49 s). Tests open several tabs, so lift that.
    'dom.min_background_timeout_value': 4,
    'dom.min_background_timeout_value_without_budget_throttling': 4,
    'dom.timeout.enable_budget_timer_throttling': false,
  };
}
