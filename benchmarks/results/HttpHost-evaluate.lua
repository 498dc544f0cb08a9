wrk.method = "POST"
wrk.body   = '{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }'
wrk.headers["Content-Type"] = "application/json"
