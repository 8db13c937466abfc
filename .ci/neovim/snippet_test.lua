-- The README's Neovim snippet (editors/neovim/rtxlint.lua) as a user has it: sourced as-is,
-- it must make a `.rtx` file an RTX buffer and bring diagnostics from `rtxlint lsp` found on
-- PATH. Run by .ci/neovim-lsp.sh twice: on Debian's Neovim 0.7 as it is (the 0.7 branch), and
-- with RTXLINT_POLYFILL_START=1, where `vim.lsp.start` (0.8+) is defined from the 0.7 calls so
-- that the snippet's 0.8 branch runs too (CI has no Neovim 0.8: neither Debian bookworm nor the
-- package registries CI may use ship one).
--
--   RTXLINT_SNIPPET  editors/neovim/rtxlint.lua
--   RTXLINT_CONFIG   a config, copied to a `.rtx` file, that must get diagnostics
local timeout = tonumber(os.getenv('RTXLINT_TIMEOUT_MS') or '') or 30000

local function fail(msg)
  io.stderr:write('neovim-snippet: FAIL: ' .. tostring(msg) .. '\n')
  vim.cmd('cquit 1')
end

local function main()
  local started = {}
  if os.getenv('RTXLINT_POLYFILL_START') == '1' then
    if vim.lsp.start then
      error('this Neovim has vim.lsp.start: run without RTXLINT_POLYFILL_START', 0)
    end
    -- What 0.8's vim.lsp.start does for one buffer: reuse a client of the same name and root.
    local clients = {}
    vim.lsp.start = function(config)
      local key = config.name .. '\0' .. config.root_dir
      clients[key] = clients[key] or vim.lsp.start_client(config)
      table.insert(started, config)
      return vim.lsp.buf_attach_client(vim.api.nvim_get_current_buf(), clients[key])
    end
  end
  vim.cmd('source ' .. vim.fn.fnameescape(os.getenv('RTXLINT_SNIPPET')))
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local file = dir .. '/site.rtx'
  vim.fn.writefile(vim.fn.readfile(os.getenv('RTXLINT_CONFIG')), file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'rtx' then
    error('site.rtx has filetype "' .. vim.bo[buf].filetype .. '", not rtx', 0)
  end
  local got = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not got then
    error('no diagnostics from rtxlint lsp within ' .. timeout .. ' ms', 0)
  end
  if os.getenv('RTXLINT_POLYFILL_START') == '1' and #started ~= 1 then
    error('the snippet called vim.lsp.start ' .. #started .. ' times, not once', 0)
  end
  io.stdout:write(string.format('neovim-snippet: %d diagnostics on site.rtx (%s)\n',
    #vim.diagnostic.get(buf), vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client'))
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.cmd('qall!')
end

local ok, err = pcall(main)
if not ok then
  fail(err)
end
