-- rtxlint in Neovim 0.7 and later (copy into init.lua): `*.rtx` files and `.txt` files under a
-- `routers` folder are RTX configs, checked by `rtxlint lsp` (rtxlint on PATH).
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = { "*.rtx", "*/routers/*.txt" },
  command = "setfiletype rtx",
})
local rtxlint_clients = {} -- Neovim 0.7: one client per folder
vim.api.nvim_create_autocmd("FileType", {
  pattern = "rtx",
  callback = function(args)
    local root = vim.fn.fnamemodify(args.file, ":p:h")
    local config = { name = "rtxlint", cmd = { "rtxlint", "lsp" }, root_dir = root }
    if vim.lsp.start then -- Neovim 0.8+
      vim.lsp.start(config)
    else -- Neovim 0.7
      rtxlint_clients[root] = rtxlint_clients[root] or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, rtxlint_clients[root])
    end
  end,
})
