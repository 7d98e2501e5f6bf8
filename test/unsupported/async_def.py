# unsupported: async def
async def main():
    return 1
