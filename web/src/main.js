// Starts the admin tool: asks its backend where FACEKI is, loads the package (its WebAssembly core),
// then wires the single-link form, the result card, bulk and history together.

import '@fontsource-variable/inter';
import './styles.css';

import { createKycClient } from 'faceki-kyc-link';
import { expiresAt } from 'faceki-kyc-link/bulk';

import { getToken, loadConfig } from './backend.js';
import { setUpBulkPanel } from './bulk-panel.js';
import { createLinkHistory } from './link-history.js';
import { setUpLinkForm } from './link-form.js';
import { createResultPanel } from './result-panel.js';

const status = document.querySelector('#client-status');
const setStatus = (state, text) => {
  status.dataset.state = state;
  status.textContent = text;
};

const resultPanel = createResultPanel(document.querySelector('#result'));
const history = createLinkHistory(document.querySelector('#history'), resultPanel);

async function start() {
  const config = await loadConfig();
  showEnvironment(config.environment);
  const client = await createKycClient({ baseUrl: config.baseUrl, getToken });
  const form = document.querySelector('#link-form');
  if (config.environment === 'sandbox' && !form.elements.workflowId.value) form.elements.workflowId.value = 'sandbox-workflow';

  const linkForm = setUpLinkForm(form, {
    validate: (request) => client.validate(request),
    async generate(request, signal) {
      resultPanel.showPending();
      const createdAt = Date.now();
      try {
        const link = await client.generateKycLink(request, { signal });
        const entry = { ...link, workflowId: request.workflowId, applicationId: request.applicationId, createdAt, expiresAt: expiresAt(request.expiryTime, createdAt) };
        history.add([entry]);
        resultPanel.showLink(entry);
      } catch (error) {
        if (error.issues) linkForm.showIssues(error.issues);
        resultPanel.showError(error, () => form.requestSubmit());
      }
    },
  });
  setUpBulkPanel(document.querySelector('#bulk'), {
    client,
    workflow: () => linkForm.workflow(),
    onLinks: (links) => history.add(links),
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
