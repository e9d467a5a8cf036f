-- A headless Neovim session with EHI Lint as its language server, driven by test/lsp/neovim.test.ts.
-- Uses only what Neovim 0.7 has (vim.lsp.start_client, buf_attach_client, vim.diagnostic, vim.ui.select),
-- so it runs on Debian stable's Neovim and on later ones. Writes what it saw to $EHI_NVIM_RESULT as JSON.
local env = vim.env
local out = { steps = {} }

local function write_result()
  local f = assert(io.open(env.EHI_NVIM_RESULT, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

local function step(name)
  table.insert(out.steps, name)
end

local ok, err = pcall(function()
  out.nvim = vim.version and tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) or 'unknown'
  vim.cmd('edit ' .. vim.fn.fnameescape(env.EHI_NVIM_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  step('opened')

  -- The README's setup: settings under the ehiLint section.
  local client_id = vim.lsp.start_client({
    name = 'ehi_lint',
    cmd = vim.fn.json_decode(env.EHI_NVIM_CMD),
    root_dir = env.EHI_NVIM_WORKSPACE,
    settings = { ehiLint = { rules = { ['exception-unaudited'] = 'off' } } },
    -- Neovim 0.7 neither answers workspace/configuration nor sends its settings by itself.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('started')

  local function ours()
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == 'ehi-lint' then table.insert(codes, { code = d.code, lnum = d.lnum, col = d.col, message = d.message }) end
    end
    return codes
  end
  local function has(code)
    for _, d in ipairs(ours()) do
      if d.code == code then return true end
    end
    return false
  end

  out.received = vim.wait(30000, function() return has('unjustified-throttle') end, 50)
  out.initial = ours()
  step('diagnostics')

  -- Turn the rule off through the client's settings, as a user does: change them and notify the server.
  local client = vim.lsp.get_client_by_id(client_id)
  client.config.settings.ehiLint.rules['unjustified-throttle'] = 'off'
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  out.disappeared = vim.wait(30000, function() return not has('unjustified-throttle') end, 50)
  out.afterOff = ours()
  step('rule off')

  client.config.settings.ehiLint.rules['unjustified-throttle'] = 'warning'
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  out.reappeared = vim.wait(30000, function() return has('unjustified-throttle') end, 50)
  step('rule on')

  -- A code action through Neovim's own path (vim.lsp.buf.code_action and vim.ui.select), choosing "Document as".
  local finding
  for _, d in ipairs(ours()) do
    if d.code == 'unjustified-throttle' then finding = d end
  end
  vim.api.nvim_win_set_cursor(0, { finding.lnum + 1, finding.col })
  out.titles = {}
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(out.titles, title)
      if not chosen and title:match('^Document as') then chosen = item end
    end
    on_choice(chosen)
  end
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  vim.lsp.buf.code_action()
  out.applied = vim.wait(30000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') ~= before
  end, 50)
  out.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  -- The edited buffer is analysed again: the template's empty fields are reported.
  out.annotationChecked = vim.wait(30000, function() return has('exception-incomplete') end, 50)
  step('code action')

  -- A command that must not wait on a question Neovim would put to the user.
  local response = client.request_sync('workspace/executeCommand', { command = 'ehi-lint.showRuleDocumentation', arguments = { 'unjustified-throttle' } }, 10000, bufnr)
  out.documentation = response and response.result or vim.NIL
  step('command')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  step('stopped')
end)

if not ok then out.error = tostring(err) end
write_result()
vim.cmd('qa!')
