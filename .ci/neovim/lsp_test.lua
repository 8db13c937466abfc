-- `rtxlint lsp` under a real client: Neovim's built-in LSP client (the 0.7 API, which is what
-- Debian bookworm ships). Run by .ci/neovim-lsp.sh:
--
--   nvim --headless --clean -c "luafile .ci/neovim/lsp_test.lua" -c "cquit 2"
--
-- with these environment variables (all paths absolute):
--   RTXLINT_BIN       the rtxlint binary, started as {RTXLINT_BIN, "lsp"}
--   RTXLINT_SEED2     corpus/scenarios/seed-2-aws-pasted.txt (must get the findings expected.json lists)
--   RTXLINT_CLEAN     a config no rule reports on (the home PPPoE fixture; must get no
--                     diagnostics at all)
--   RTXLINT_EXPECTED  corpus/scenarios/expected.json
--   RTXLINT_TIMEOUT_MS  optional, how long to wait for each answer (default 30000)
--   RTXLINT_EXPECT_LANG optional, `ja` when Neovim runs with LANG=ja_JP.UTF-8: diagnostics
--                       must then be in Japanese (else in English)
--
-- Exits Neovim with `:qall!` (status 0) when every check passes and `:cquit 1` on the first
-- failure, a Lua error, or a server that does not answer in time (the trailing `cquit 2` only
-- runs if this file cannot be loaded).

local PUBLISH = 'textDocument/publishDiagnostics'

-- Headless Neovim prints notifications without a line break; give them one.
vim.notify = function(msg, level)
  io.stderr:write(string.format('neovim-lsp: nvim (level %s): %s\n', tostring(level), tostring(msg)))
end
local timeout = tonumber(os.getenv('RTXLINT_TIMEOUT_MS') or '') or 30000
local client_id = nil
local exited = nil -- {code, signal} once the server process has ended

local function say(msg)
  io.stdout:write('neovim-lsp: ' .. msg .. '\n')
  io.stdout:flush()
end

local function stop_server_and_quit(status)
  if client_id and not vim.lsp.client_is_stopped(client_id) then
    vim.lsp.stop_client(client_id, true) -- SIGTERM; we are failing anyway
  end
  vim.cmd(status == 0 and 'qall!' or 'cquit 1')
end

local function fail(msg)
  io.stderr:write('neovim-lsp: FAIL: ' .. tostring(msg) .. '\n')
  io.stderr:flush()
  stop_server_and_quit(1)
end

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error(name .. ' is not set (run .ci/neovim-lsp.sh)', 0)
  end
  return value
end

local function basename(path)
  return vim.fn.fnamemodify(path, ':t')
end

-- `vim.wait` for `condition`; raises on timeout, or as soon as the server exits (unless the
-- exit is what we wait for).
local function wait_for(what, condition)
  local met = vim.wait(timeout, function()
    return condition() or exited ~= nil
  end, 50)
  if not met then
    error(string.format('timed out after %d ms waiting for %s', timeout, what), 0)
  end
  if not condition() then
    error(string.format('the server exited (code %s, signal %s) while we waited for %s',
      exited.code, exited.signal, what), 0)
  end
end

local function main()
  local bin = env('RTXLINT_BIN')
  local seed2 = env('RTXLINT_SEED2')
  local seed4 = env('RTXLINT_CLEAN') -- the clean config
  local expected = vim.fn.json_decode(table.concat(vim.fn.readfile(env('RTXLINT_EXPECTED')), '\n'))

  -- Every publishDiagnostics the server sends, by URI (the number of diagnostics in each),
  -- before Neovim's own handler turns them into vim.diagnostic entries.
  local published = {}
  local default_publish = vim.lsp.handlers[PUBLISH]
  vim.lsp.handlers[PUBLISH] = function(err, result, ctx, config)
    if result and result.uri then
      published[result.uri] = published[result.uri] or {}
      table.insert(published[result.uri], #(result.diagnostics or {}))
    end
    return default_publish(err, result, ctx, config)
  end
  -- The server warns through showMessage about settings it cannot use: collect them.
  local messages = {}
  vim.lsp.handlers['window/showMessage'] = function(_, result)
    table.insert(messages, result)
  end

  local initialized = false
  client_id = vim.lsp.start_client({
    name = 'rtxlint',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(seed2, ':h'),
    -- Also checks that the server takes initializationOptions from a real client.
    init_options = { ignore = { 'line-too-long' } },
    on_init = function()
      initialized = true
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client could not start ' .. bin .. ' lsp', 0)
  end

  vim.o.hidden = true -- keep both buffers loaded (and attached) while switching
  local function open(path)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = 'rtx'
    if not vim.lsp.buf_attach_client(buf, client_id) then
      error('vim.lsp.buf_attach_client failed for ' .. path, 0)
    end
    return buf, vim.uri_from_bufnr(buf)
  end

  local buf2, uri2 = open(seed2)
  wait_for('the server to answer initialize (' .. bin .. ' lsp)', function()
    return initialized
  end)
  say('initialized ' .. bin .. ' lsp')

  -- Diagnostics of a buffer as sorted "code@line" strings (0-based lines, as LSP sends them).
  local function found(buf)
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { code = tostring(d.code), lnum = d.lnum, message = d.message })
    end
    table.sort(list, function(a, b)
      return a.lnum < b.lnum or (a.lnum == b.lnum and a.code < b.code)
    end)
    return list
  end
  local function show(list)
    local parts = {}
    for _, d in ipairs(list) do
      table.insert(parts, string.format('%s at 0-based line %d (line %d of the file)', d.code, d.lnum, d.lnum + 1))
    end
    return #parts == 0 and '(none)' or table.concat(parts, ', ')
  end

  -- The findings of expected.json for `path`, exactly: expected.json gives each finding a
  -- 1-based [first, last] line range its start must fall in (the block it reports on); the
  -- server's 0-based start line must fall in [first - 1, last - 1]. Nothing else may be
  -- reported, whatever the rule.
  local function check_against_expected(buf, path)
    local name = basename(path)
    local wanted = expected.files[name]
    if wanted == nil then
      error(name .. ' is not in expected.json', 0)
    end
    -- expected.json speaks for the seed story's rules only (its `rules`); the others
    -- (security findings on the same files) are the linter's tests' business.
    local got = vim.tbl_filter(function(d)
      return vim.tbl_contains(expected.rules, d.code)
    end, found(buf))
    local unmatched = vim.deepcopy(got)
    for _, w in ipairs(wanted) do
      local first, last = w.lines[1] - 1, w.lines[2] - 1
      local at = nil
      for i, d in ipairs(unmatched) do
        if d.code == w.rule and d.lnum >= first and d.lnum <= last then
          at = i
          break
        end
      end
      if not at then
        error(string.format('%s: expected %s starting on a 0-based line in %d-%d; got %s',
          name, w.rule, first, last, show(got)), 0)
      end
      table.remove(unmatched, at)
    end
    if #unmatched > 0 then
      error(string.format('%s: unexpected diagnostics %s (all: %s)', name, show(unmatched), show(got)), 0)
    end
    return got
  end

  -- seed-2: the pasted AWS block reuses `tunnel select 1`.
  wait_for('diagnostics for ' .. basename(seed2), function()
    return published[uri2] ~= nil
  end)
  local got2 = check_against_expected(buf2, seed2)
  -- And, independently of expected.json: the clash is reported on the second
  -- `tunnel select 1` line of the file.
  local selects = {}
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf2, 0, -1, false)) do
    if line:match('^%s*tunnel select 1%s*$') then
      table.insert(selects, i - 1)
    end
  end
  if #selects < 2 then
    error(basename(seed2) .. ' has no second `tunnel select 1` line', 0)
  end
  local clash = false
  for _, d in ipairs(got2) do
    clash = clash or (d.code == 'tunnel-number-clash' and d.lnum == selects[2])
  end
  if not clash then
    error(string.format('%s: no tunnel-number-clash on 0-based line %d (the second `tunnel select 1`); got %s',
      basename(seed2), selects[2], show(got2)), 0)
  end
  say(string.format('%s: %s (as expected.json says)', basename(seed2), show(got2)))
  -- The language follows the editor's locale (RTXLINT_EXPECT_LANG=ja: Neovim was started with
  -- LANG=ja_JP.UTF-8 and sends no `locale`, so the server reads its environment).
  local want_ja = os.getenv('RTXLINT_EXPECT_LANG') == 'ja'
  for _, d in ipairs(got2) do
    if d.code == 'tunnel-number-clash' then
      local japanese = d.message:find('トンネル', 1, true) ~= nil
      if japanese ~= want_ja then
        error(string.format('%s: expected a %s message, got %q', basename(seed2),
          want_ja and 'Japanese' or 'English', d.message), 0)
      end
      say('tunnel-number-clash speaks ' .. (want_ja and 'Japanese' or 'English') .. ': ' .. d.message)
    end
  end

  -- A clean config (the home PPPoE fixture): the server must publish, and publish nothing.
  local buf4, uri4 = open(seed4)
  wait_for('diagnostics for ' .. basename(seed4), function()
    return published[uri4] ~= nil
  end)
  local counts = published[uri4]
  if counts[#counts] ~= 0 then
    error(string.format('%s: the server published %d diagnostics', basename(seed4), counts[#counts]), 0)
  end
  local got4 = found(buf4)
  if #got4 ~= 0 then
    error(basename(seed4) .. ': expected no diagnostics, got ' .. show(got4), 0)
  end
  say(basename(seed4) .. ': published with no diagnostics')

  -- Settings change the way Neovim users send them (nested under `rtxlint`): ignoring the
  -- rule must clear seed-2's diagnostic of it (its security findings stay).
  local before = #published[uri2]
  vim.lsp.get_client_by_id(client_id).notify('workspace/didChangeConfiguration', {
    settings = { rtxlint = { ignore = { 'tunnel-number-clash' } } },
  })
  wait_for('diagnostics for ' .. basename(seed2) .. ' after workspace/didChangeConfiguration', function()
    return #published[uri2] > before
  end)
  local after = vim.tbl_filter(function(d)
    return d.code == 'tunnel-number-clash'
  end, found(buf2))
  if #after ~= 0 then
    error(basename(seed2) .. ': still reported after ignoring tunnel-number-clash: ' .. show(after), 0)
  end
  say(basename(seed2) .. ': no tunnel-number-clash once settings ignore it')

  for _, m in ipairs(messages) do
    if m.type <= vim.lsp.protocol.MessageType.Warning then
      error('the server complained: ' .. tostring(m.message), 0)
    end
  end

  -- shutdown + exit; a clean shutdown makes the server exit with status 0.
  vim.lsp.get_client_by_id(client_id).stop()
  wait_for('the server to exit after shutdown', function()
    return exited ~= nil
  end)
  if exited.code ~= 0 then
    error(string.format('the server exited with code %s (signal %s) after shutdown/exit',
      exited.code, exited.signal), 0)
  end
  say('server shut down cleanly (exit code 0)')
end

-- A watchdog in case something blocks outside vim.wait.
vim.defer_fn(function()
  fail('watchdog: the test took more than ' .. (4 * timeout) .. ' ms')
end, 4 * timeout)

local ok, err = pcall(main)
if not ok then
  fail(err)
else
  say('PASS')
  stop_server_and_quit(0)
end
