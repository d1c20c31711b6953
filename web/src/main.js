// Starts the admin tool: asks its backend where FACEKI is, loads the package (its WebAssembly core),
// then wires the single-link form, the result card, bulk, history and link statuses together.

import '@fontsource-variable/inter';
import './styles.css';

import { createKycClient } from 'faceki-kyc-link';
import { expiresAt } from 'faceki-kyc-link/bulk';

import { getToken, loadConfig } from './backend.js';
import { setUpBulkPanel } from './bulk-panel.js';
import { createLimiter } from './limiter.js';
import { createLinkHistory } from './link-history.js';
import { setUpLinkForm } from './link-form.js';
import { statusOf } from './link-status.js';
import { createResultPanel } from './result-panel.js';
import { revealIfOffscreen } from './reveal.js';
import { createStatusBook } from './status-book.js';
import { createStatusPoller } from './status-poller.js';

// Status lookups at once, for the whole page: auto-refresh, refresh clicks and bulk checks together.
const LOOKUP_CONCURRENCY = 4;

const status = document.querySelector('#client-status');
const setStatus = (state, text) => {
  status.dataset.state = state;
  status.textContent = text;
};

const ready = loadConfig().then(async (config) => {
  showEnvironment(config.environment);
  return { config, client: await createKycClient({ baseUrl: config.baseUrl, getToken }) };
});

const book = createStatusBook({
  limiter: createLimiter(LOOKUP_CONCURRENCY),
  lookUp: async (linkId) => statusOf(await (await ready).client.getVerifications({ link: linkId })),
});
const resultCard = document.querySelector('#result');
const resultPanel = createResultPanel(resultCard);
const history = createLinkHistory(document.querySelector('#history'), {
  resultPanel,
  book,
  poller: createStatusPoller(book),
});

async function start() {
  const { config, client } = await ready;
  const form = document.querySelector('#link-form');
  if (config.environment === 'sandbox' && !form.elements.workflowId.value)
    form.elements.workflowId.value = 'sandbox-workflow';

  const linkForm = setUpLinkForm(form, {
    validate: (request) => client.validate(request),
    async generate(request, signal) {
      resultPanel.showPending();
      const createdAt = Date.now();
      try {
        const link = await client.generateKycLink(request, { signal });
        const entry = {
          ...link,
          workflowId: request.workflowId,
          applicationId: request.applicationId,
          createdAt,
          expiresAt: expiresAt(request.expiryTime, createdAt),
        };
        history.add(entry);
        resultPanel.showLink(entry);
      } catch (error) {
        if (error.issues) linkForm.showIssues(error.issues);
        resultPanel.showError(error, () => form.requestSubmit());
      }
      // On a phone the card sits below the form: bring the new link (or what went wrong) into view.
      revealIfOffscreen(resultCard);
    },
  });
  setUpBulkPanel(document.querySelector('#bulk'), {
    client,
    workflow: () => linkForm.workflow(),
    book,
    onBatch: (run) => history.addBatch(run),
  });
  setStatus('ready', 'Ready');
}

function showEnvironment(environment) {
  const badge = document.querySelector('#env-badge');
  badge.hidden = !environment;
  badge.textContent = environment === 'sandbox' ? 'Sandbox' : environment;
  badge.dataset.env = environment;
}

start().catch((error) => {
  setStatus('failed', 'Unavailable');
  resultPanel.showError(error);
});
